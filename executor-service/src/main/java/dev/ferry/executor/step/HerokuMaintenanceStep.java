package dev.ferry.executor.step;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Turns Heroku maintenance mode on (or off) for an app, journalling the setting it found first so that
 * rollback puts back exactly that.
 */
@ApplicationScoped
public class HerokuMaintenanceStep implements StepHandler {
    static final String PREVIOUS = "previous-maintenance";

    private final HerokuSteps heroku;

    public HerokuMaintenanceStep(HerokuSteps heroku) {
        this.heroku = heroku;
    }

    @Override
    public String type() {
        return "heroku-maintenance";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        String app = StepSupport.required(context, "app");
        boolean enabled = StepSupport.bool(context, "enabled", true);
        String token = heroku.token(context);
        return HerokuSteps.steps(heroku.client().app(token, app).flatMap(current -> {
            boolean now = current.path("maintenance").asBoolean();
            String previous = context.recordedOperation(PREVIOUS).orElse(Boolean.toString(now));
            Map<String, String> outputs =
                    Map.of("app", app, "maintenance", Boolean.toString(enabled), "previous", previous);
            if (now == enabled) {
                return Uni.createFrom()
                        .item(new StepOutcome("Maintenance mode of " + app + " is already " + onOff(enabled), outputs));
            }
            Uni<Void> remember = context.recordedOperation(PREVIOUS).isPresent()
                    ? Uni.createFrom().voidItem()
                    : StepSupport.record(context, PREVIOUS, previous, "heroku:apps/" + app);
            return remember.flatMap(v -> heroku.client().setMaintenance(token, app, enabled))
                    .flatMap(v -> heroku.client().app(token, app))
                    .map(after -> {
                        if (after.path("maintenance").asBoolean() != enabled) {
                            throw new StepException(
                                    "Heroku still shows maintenance " + onOff(!enabled) + " for " + app, true);
                        }
                        return new StepOutcome("Turned maintenance mode of " + app + " " + onOff(enabled), outputs);
                    });
        }));
    }

    @Override
    public Uni<StepOutcome> compensate(StepContext context) {
        String app = StepSupport.required(context, "app");
        boolean enabled = StepSupport.bool(context, "enabled", true);
        String previous = StepSupport.own(context)
                .getOrDefault("previous", context.recordedOperation(PREVIOUS).orElse(null));
        boolean restore = previous == null ? !enabled : Boolean.parseBoolean(previous);
        String token = heroku.token(context);
        return HerokuSteps.steps(heroku.client()
                .app(token, app)
                .flatMap(current -> current.path("maintenance").asBoolean() == restore
                        ? Uni.createFrom()
                                .item(new StepOutcome(
                                        "Maintenance mode of " + app + " is already " + onOff(restore), Map.of()))
                        : heroku.client()
                                .setMaintenance(token, app, restore)
                                .replaceWith(new StepOutcome(
                                        "Turned maintenance mode of " + app + " back " + onOff(restore), Map.of()))));
    }

    @Override
    public Uni<List<String>> dryRun(StepContext context) {
        try {
            String app = StepSupport.required(context, "app");
            StepSupport.bool(context, "enabled", true);
            String token = heroku.token(context);
            return HerokuSteps.steps(heroku.client().app(token, app))
                    .replaceWith(List.<String>of())
                    .onFailure(StepException.class)
                    .recoverWithItem(e -> List.of("Heroku app " + app + " cannot be read: " + e.getMessage()));
        } catch (StepException e) {
            return StepSupport.problems(List.of(e.getMessage()));
        }
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}

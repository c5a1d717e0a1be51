package dev.ferry.executor.step;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Scales a Heroku process type (workers to zero before a cutover), journalling the quantity it found
 * before it changes anything, so rollback restores that quantity even after a crash mid-step.
 */
@ApplicationScoped
public class HerokuScaleStep implements StepHandler {
    static final String PREVIOUS = "previous-quantity";

    private final HerokuSteps heroku;

    public HerokuScaleStep(HerokuSteps heroku) {
        this.heroku = heroku;
    }

    @Override
    public String type() {
        return "heroku-scale";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        String app = StepSupport.required(context, "app");
        String process = StepSupport.required(context, "processType");
        int quantity = StepSupport.integer(context, "quantity", 0);
        String token = heroku.token(context);
        return HerokuSteps.steps(heroku.client().formation(token, app, process).flatMap(current -> {
            int now = current.path("quantity").asInt();
            String previous = context.recordedOperation(PREVIOUS).orElse(Integer.toString(now));
            Map<String, String> outputs = Map.of(
                    "app",
                    app,
                    "processType",
                    process,
                    "quantity",
                    Integer.toString(quantity),
                    "previousQuantity",
                    previous);
            if (now == quantity) {
                return Uni.createFrom()
                        .item(new StepOutcome(app + " already runs " + quantity + " " + process, outputs));
            }
            Uni<Void> remember = context.recordedOperation(PREVIOUS).isPresent()
                    ? Uni.createFrom().voidItem()
                    : StepSupport.record(context, PREVIOUS, previous, "heroku:apps/" + app + "/formation/" + process);
            return remember.flatMap(v -> heroku.client().scale(token, app, process, quantity))
                    .flatMap(v -> heroku.client().formation(token, app, process))
                    .map(after -> {
                        if (after.path("quantity").asInt() != quantity) {
                            throw new StepException(
                                    "Heroku still runs "
                                            + after.path("quantity").asInt() + " " + process + " for " + app,
                                    true);
                        }
                        return new StepOutcome(
                                "Scaled " + app + " " + process + " from " + now + " to " + quantity, outputs);
                    });
        }));
    }

    @Override
    public Uni<StepOutcome> compensate(StepContext context) {
        String app = StepSupport.required(context, "app");
        String process = StepSupport.required(context, "processType");
        String previous = StepSupport.own(context)
                .getOrDefault(
                        "previousQuantity", context.recordedOperation(PREVIOUS).orElse(null));
        if (previous == null) {
            return Uni.createFrom().item(new StepOutcome(app + " " + process + " was not scaled", Map.of()));
        }
        int restore = Integer.parseInt(previous);
        String token = heroku.token(context);
        return HerokuSteps.steps(heroku.client()
                .formation(token, app, process)
                .flatMap(current -> current.path("quantity").asInt() == restore
                        ? Uni.createFrom()
                                .item(new StepOutcome(app + " already runs " + restore + " " + process, Map.of()))
                        : heroku.client()
                                .scale(token, app, process, restore)
                                .replaceWith(new StepOutcome(
                                        "Scaled " + app + " " + process + " back to " + restore, Map.of()))));
    }

    @Override
    public Uni<List<String>> dryRun(StepContext context) {
        try {
            String app = StepSupport.required(context, "app");
            String process = StepSupport.required(context, "processType");
            StepSupport.integer(context, "quantity", 0);
            String token = heroku.token(context);
            return HerokuSteps.steps(heroku.client().formation(token, app, process))
                    .replaceWith(List.<String>of())
                    .onFailure(StepException.class)
                    .recoverWithItem(e ->
                            List.of("Heroku formation " + app + "/" + process + " cannot be read: " + e.getMessage()));
        } catch (StepException e) {
            return StepSupport.problems(List.of(e.getMessage()));
        }
    }
}

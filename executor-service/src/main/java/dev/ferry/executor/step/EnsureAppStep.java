package dev.ferry.executor.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.executor.client.AptibleApiException;
import dev.ferry.executor.client.AptibleClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ensures the Aptible app exists in the planned environment; an app is only a name until its first
 * deploy, so an existing one is reused. Rollback deprovisions it only if this migration created it.
 */
@ApplicationScoped
public class EnsureAppStep implements StepHandler {
    private final AptibleClient aptible;
    private final AptibleOperations operations;

    public EnsureAppStep(AptibleClient aptible, AptibleOperations operations) {
        this.aptible = aptible;
        this.operations = operations;
    }

    @Override
    public String type() {
        return "ensure-app";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        String handle = StepSupport.required(context, "app", "handle");
        String environment = StepSupport.required(context, "environment");
        if (!StepSupport.validHandle(handle)) {
            return StepSupport.fail(StepSupport.invalid(context, "app", handle, "an Aptible handle"));
        }
        return aptible.findApp(handle, environment).flatMap(found -> {
            if (found.isPresent()) {
                return Uni.createFrom().item(outcome("App " + handle + " already exists", found.get(), false));
            }
            return aptible.findEnvironment(environment)
                    .map(env -> env.orElseThrow(() -> new StepException(
                            "Environment " + environment + " does not exist; its step must succeed first", true)))
                    .flatMap(env -> aptible.createApp(AptibleClient.id(env), handle)
                            .onFailure(e -> e instanceof AptibleApiException a && a.status() == 422)
                            .recoverWithUni(e -> aptible.findApp(handle, environment)
                                    .map(again -> again.orElseThrow(() -> (AptibleApiException) e))))
                    .flatMap(app -> StepSupport.record(
                                    context,
                                    StepSupport.CREATED,
                                    Long.toString(AptibleClient.id(app)),
                                    AptibleClient.path(app))
                            .replaceWith(app))
                    .map(app -> outcome("Created app " + handle + " (id " + AptibleClient.id(app) + ")", app, true));
        });
    }

    @Override
    public Uni<StepOutcome> compensate(StepContext context) {
        String handle = StepSupport.required(context, "app", "handle");
        String environment = StepSupport.required(context, "environment");
        if (!StepSupport.createdHere(context)) {
            return Uni.createFrom().item(new StepOutcome("App " + handle + " existed before; kept", Map.of()));
        }
        return aptible.findApp(handle, environment)
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().item(new StepOutcome("App " + handle + " is already gone", Map.of()))
                        : operations
                                .run(
                                        context,
                                        AptibleClient.path(found.get()),
                                        Map.of("type", "deprovision"),
                                        "app " + handle)
                                .map(op -> new StepOutcome(
                                        "Deprovisioned app " + handle + " (operation " + op.id() + ")", Map.of())));
    }

    @Override
    public Uni<List<String>> dryRun(StepContext context) {
        String handle = StepSupport.required(context, "app", "handle");
        String environment = StepSupport.required(context, "environment");
        List<String> problems = new ArrayList<>();
        if (!StepSupport.validHandle(handle)) {
            problems.add("App handle '" + handle + "' is not a valid Aptible handle");
            return StepSupport.problems(problems);
        }
        return aptible.findEnvironment(environment)
                .flatMap(env -> env.isEmpty()
                        ? Uni.createFrom().item(List.<String>of())
                        : aptible.findApp(handle, environment).replaceWith(List.<String>of()))
                .onFailure(e -> e instanceof AptibleApiException a && (a.status() == 401 || a.status() == 403))
                .recoverWithItem(
                        e -> List.of("The Aptible token cannot read apps of " + environment + ": " + e.getMessage()));
    }

    private static StepOutcome outcome(String summary, JsonNode app, boolean created) {
        return new StepOutcome(
                summary,
                Map.of(
                        "appId",
                        Long.toString(AptibleClient.id(app)),
                        "appHandle",
                        app.path("handle").asText(),
                        "created",
                        Boolean.toString(created)));
    }
}

package dev.ferry.executor.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.executor.client.AptibleClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Ensures the Aptible app exists in the planned environment. */
@ApplicationScoped
public class EnsureAppStep implements StepHandler {
    private final AptibleClient aptible;

    public EnsureAppStep(AptibleClient aptible) {
        this.aptible = aptible;
    }

    @Override
    public String type() {
        return "ensure-app";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        String handle = context.parameter("handle");
        String environment = context.parameter("environment");
        return aptible.findApp(handle, environment).flatMap(found -> {
            if (found.isPresent()) {
                return Uni.createFrom().item(outcome("App " + handle + " already exists", found.get()));
            }
            return aptible.findEnvironment(environment)
                    .map(env -> env.orElseThrow(() -> new StepException(
                            "Environment " + environment + " does not exist; its step must succeed first", false)))
                    .flatMap(env -> aptible.createApp(AptibleClient.id(env), handle))
                    .map(app -> outcome("Created app " + handle + " (id " + AptibleClient.id(app) + ")", app));
        });
    }

    private static StepOutcome outcome(String summary, JsonNode app) {
        return new StepOutcome(
                summary,
                Map.of(
                        "appId",
                        Long.toString(AptibleClient.id(app)),
                        "appHandle",
                        app.path("handle").asText()));
    }
}

package dev.ferry.executor.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.executor.client.AptibleClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Ensures the Aptible environment (an "account" in the API) exists with the planned handle and type. */
@ApplicationScoped
public class EnsureEnvironmentStep implements StepHandler {
    private final AptibleClient aptible;

    public EnsureEnvironmentStep(AptibleClient aptible) {
        this.aptible = aptible;
    }

    @Override
    public String type() {
        return "ensure-environment";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        String handle = context.parameter("handle");
        String type = context.step().parameters().getOrDefault("type", "production");
        return aptible.findEnvironment(handle).flatMap(found -> {
            if (found.isPresent()) {
                JsonNode env = found.get();
                String actual = env.path("type").asText(type);
                if (!actual.equals(type)) {
                    return Uni.createFrom()
                            .failure(new StepException(
                                    "Environment " + handle
                                            + " already exists as a " + actual + " environment, not " + type
                                            + "; refusing to reuse it",
                                    false));
                }
                return Uni.createFrom().item(outcome("Environment " + handle + " already exists", env));
            }
            return aptible.createEnvironment(handle, type)
                    .map(env -> outcome("Created environment " + handle + " (id " + AptibleClient.id(env) + ")", env));
        });
    }

    private static StepOutcome outcome(String summary, JsonNode env) {
        return new StepOutcome(
                summary,
                Map.of(
                        "environmentId",
                        Long.toString(AptibleClient.id(env)),
                        "environmentHandle",
                        env.path("handle").asText()));
    }
}

package dev.ferry.executor.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.executor.client.AptibleClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ensures an app's configuration holds the planned environment variables. Values are opened only
 * here, right before the Aptible call, and never logged; an app already configured gets no new operation.
 */
@ApplicationScoped
public class ConfigureAppStep implements StepHandler {
    private final AptibleClient aptible;
    private final SecretBox secrets;

    public ConfigureAppStep(AptibleClient aptible, SecretBox secrets) {
        this.aptible = aptible;
        this.secrets = secrets;
    }

    @Override
    public String type() {
        return "configure-app";
    }

    @Override
    public Uni<StepOutcome> ensure(StepContext context) {
        String handle = context.parameter("app");
        Map<String, String> desired = new TreeMap<>();
        context.step().secrets().forEach((name, value) -> desired.put(name, secrets.open(value)));
        return aptible.findApp(handle, context.environment())
                .map(app -> app.orElseThrow(() ->
                        new StepException("App " + handle + " does not exist in " + context.environment(), false)))
                .flatMap(app -> aptible.currentEnv(app).flatMap(current -> {
                    if (containsAll(current, desired)) {
                        return Uni.createFrom()
                                .item(new StepOutcome(
                                        handle + " already has its " + desired.size() + " variables",
                                        Map.of("appId", Long.toString(AptibleClient.id(app)))));
                    }
                    return configure(app, handle, desired);
                }));
    }

    private Uni<StepOutcome> configure(JsonNode app, String handle, Map<String, String> desired) {
        long appId = AptibleClient.id(app);
        return inFlightConfigure(appId)
                .flatMap(existing -> existing != null
                        ? Uni.createFrom().item(existing)
                        : aptible.createOperation(appId, Map.of("type", "configure", "env", desired)))
                .flatMap(op -> aptible.awaitOperation(AptibleClient.id(op)))
                .flatMap(op -> {
                    if (!op.path("status").asText().equals("succeeded")) {
                        return Uni.createFrom()
                                .failure(new StepException(
                                        "Configure operation " + AptibleClient.id(op) + " on " + handle + " failed",
                                        true));
                    }
                    return aptible.app(appId).flatMap(aptible::currentEnv).map(current -> {
                        if (!containsAll(current, desired)) {
                            throw new StepException(
                                    "Configure operation " + AptibleClient.id(op) + " succeeded but " + handle
                                            + " lacks some planned variables",
                                    true);
                        }
                        return new StepOutcome(
                                "Set " + desired.size() + " variables on " + handle + " (operation "
                                        + AptibleClient.id(op) + ")",
                                Map.of(
                                        "appId",
                                        Long.toString(appId),
                                        "operationId",
                                        Long.toString(AptibleClient.id(op))));
                    });
                });
    }

    /** A configure operation still queued or running from an earlier attempt, to wait on instead of repeating. */
    private Uni<JsonNode> inFlightConfigure(long appId) {
        return aptible.appOperations(appId).map(page -> {
            for (JsonNode op : page.path("_embedded").path("operations")) {
                String status = op.path("status").asText();
                if (op.path("type").asText().equals("configure")
                        && (status.equals("queued") || status.equals("running"))) {
                    return op;
                }
            }
            return null;
        });
    }

    private static boolean containsAll(Map<String, String> current, Map<String, String> desired) {
        return desired.entrySet().stream().allMatch(e -> e.getValue().equals(current.get(e.getKey())));
    }
}

package dev.ferry.executor.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.executor.config.ExecutorConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Talks to Aptible as its CLI does: a password-grant token reused until shortly before it expires,
 * look-ups by handle before any create, and operations polled until they end.
 */
@ApplicationScoped
public class AptibleClient {
    private final AptibleRestClient api;
    private final ExecutorConfig.Aptible config;
    private final AtomicReference<Token> token = new AtomicReference<>();

    public AptibleClient(@RestClient AptibleRestClient api, ExecutorConfig config) {
        this.api = api;
        this.config = config.aptible();
    }

    private record Token(String bearer, Instant expiresAt) {}

    /** An environment by handle, if it exists. */
    public Uni<Optional<JsonNode>> findEnvironment(String handle) {
        return auth().flatMap(auth -> absentOn404(api.findAccount(auth, handle)));
    }

    public Uni<JsonNode> createEnvironment(String handle, String type) {
        return auth().flatMap(auth -> api.createAccount(auth, Map.of("handle", handle, "type", type)));
    }

    /** An app by handle within an environment, if it exists. */
    public Uni<Optional<JsonNode>> findApp(String handle, String environment) {
        return auth().flatMap(auth -> absentOn404(api.findApp(auth, handle, environment)));
    }

    public Uni<JsonNode> createApp(long environmentId, String handle) {
        return auth().flatMap(auth -> api.createApp(auth, environmentId, Map.of("handle", handle)));
    }

    public Uni<JsonNode> app(long appId) {
        return auth().flatMap(auth -> api.app(auth, appId));
    }

    public Uni<JsonNode> appOperations(long appId) {
        return auth().flatMap(auth -> api.appOperations(auth, appId));
    }

    /** The env of an app's current configuration, empty when it has none. */
    public Uni<Map<String, String>> currentEnv(JsonNode app) {
        String href =
                app.path("_links").path("current_configuration").path("href").asText("");
        if (href.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        long id = Long.parseLong(href.substring(href.lastIndexOf('/') + 1));
        return auth().flatMap(auth -> api.configuration(auth, id)).map(AptibleClient::env);
    }

    public Uni<JsonNode> createOperation(long appId, Map<String, Object> body) {
        return auth().flatMap(auth -> api.createOperation(auth, appId, body));
    }

    /** Polls an operation until it succeeds or fails, or the timeout passes. */
    public Uni<JsonNode> awaitOperation(long operationId) {
        Instant deadline = Instant.now().plus(config.operationTimeout());
        return poll(operationId, deadline);
    }

    private Uni<JsonNode> poll(long operationId, Instant deadline) {
        return auth().flatMap(auth -> api.operation(auth, operationId)).flatMap(op -> {
            String status = op.path("status").asText();
            if (status.equals("succeeded") || status.equals("failed")) {
                return Uni.createFrom().item(op);
            }
            if (Instant.now().isAfter(deadline)) {
                return Uni.createFrom()
                        .failure(new IllegalStateException("Operation " + operationId + " still " + status + " after "
                                + config.operationTimeout()));
            }
            return Uni.createFrom()
                    .voidItem()
                    .onItem()
                    .delayIt()
                    .by(config.pollInterval())
                    .flatMap(v -> poll(operationId, deadline));
        });
    }

    private Uni<String> auth() {
        Token current = token.get();
        if (current != null && Instant.now().isBefore(current.expiresAt())) {
            return Uni.createFrom().item(current.bearer());
        }
        Map<String, Object> body = Map.of(
                "username",
                config.username(),
                "password",
                config.password(),
                "grant_type",
                "password",
                "scope",
                "manage",
                "expires_in",
                3600);
        return api.token(body).map(response -> {
            long lifetime = response.path("expires_in").asLong(3600);
            Token fresh = new Token(
                    "Bearer " + response.path("access_token").asText(),
                    Instant.now().plusSeconds(Math.max(30, lifetime - 60)));
            token.set(fresh);
            return fresh.bearer();
        });
    }

    private static Uni<Optional<JsonNode>> absentOn404(Uni<JsonNode> call) {
        return call.map(Optional::of)
                .onFailure(e -> e instanceof AptibleApiException a && a.status() == 404)
                .recoverWithItem(Optional.empty());
    }

    private static Map<String, String> env(JsonNode configuration) {
        Map<String, String> env = new java.util.TreeMap<>();
        configuration
                .path("env")
                .fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    /** The numeric id of a HAL resource. */
    public static long id(JsonNode resource) {
        return resource.path("id").asLong();
    }
}

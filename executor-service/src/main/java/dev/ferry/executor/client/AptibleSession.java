package dev.ferry.executor.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.executor.config.ExecutorConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * One authenticated conversation with Aptible: a password-grant token from {@code POST /tokens}, renewed
 * a minute before it expires or when Aptible calls it invalid; requests by path or absolute href; GET,
 * PUT and DELETE retried on 5xx, 429 and timeouts with exponential backoff and jitter. POSTs are not
 * retried here, since Aptible has no idempotency keys: the step that made them looks again before it
 * creates anything.
 */
@ApplicationScoped
public class AptibleSession {
    private static final Logger LOG = Logger.getLogger(AptibleSession.class);

    private final AptibleRestClient api;
    private final ExecutorConfig.Aptible config;
    private final String base;
    private final AtomicReference<Token> token = new AtomicReference<>();

    public AptibleSession(
            @RestClient AptibleRestClient api,
            ExecutorConfig config,
            @ConfigProperty(name = "quarkus.rest-client.aptible.url") String base) {
        this.api = api;
        this.config = config.aptible();
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private record Token(String bearer, Instant refreshAt) {}

    /** A path ({@code /apps/3}) or an absolute href, as an absolute URL. */
    public String url(String pathOrHref) {
        return pathOrHref.startsWith("http://") || pathOrHref.startsWith("https://")
                ? pathOrHref
                : base + (pathOrHref.startsWith("/") ? "" : "/") + pathOrHref;
    }

    /** A GET; {@code sensitive} asks for connection URLs and env values ({@code no_sensitive_extras=false}). */
    public Uni<JsonNode> get(String pathOrHref, boolean sensitive) {
        String prefer = sensitive ? "no_sensitive_extras=false" : null;
        return idempotent("GET " + shortPath(pathOrHref), auth -> api.get(url(pathOrHref), auth, prefer));
    }

    public Uni<JsonNode> post(String pathOrHref, Map<String, Object> body) {
        return once("POST " + shortPath(pathOrHref), auth -> api.post(url(pathOrHref), auth, body));
    }

    public Uni<JsonNode> put(String pathOrHref, Map<String, Object> body) {
        return idempotent("PUT " + shortPath(pathOrHref), auth -> api.put(url(pathOrHref), auth, body));
    }

    public Uni<Void> delete(String pathOrHref) {
        return idempotent("DELETE " + shortPath(pathOrHref), auth -> api.delete(url(pathOrHref), auth))
                .replaceWithVoid();
    }

    /** A text answer; {@code withToken} false for presigned URLs outside Aptible. */
    public Uni<String> text(String pathOrHref, boolean withToken) {
        String request = "GET " + shortPath(pathOrHref);
        if (!withToken) {
            return retried(request, api.text(url(pathOrHref), null));
        }
        return idempotent(request, auth -> api.text(url(pathOrHref), auth));
    }

    private <T> Uni<T> idempotent(String request, Function<String, Uni<? extends T>> call) {
        return retried(request, once(request, call));
    }

    private <T> Uni<T> retried(String request, Uni<? extends T> call) {
        return Uni.createFrom()
                .<T>deferred(() -> call)
                .onFailure(AptibleSession::retryable)
                .invoke(e -> LOG.debugf("retrying %s after %s", request, e.getMessage()))
                .onFailure(AptibleSession::retryable)
                .retry()
                .withBackOff(config.retryBackoff(), config.retryBackoff().multipliedBy(20))
                .withJitter(0.5)
                .atMost(config.retries());
    }

    /** One call with a valid token; a 401 drops the token and tries once more with a fresh one. */
    private <T> Uni<T> once(String request, Function<String, Uni<? extends T>> call) {
        return Uni.createFrom()
                .deferred(() -> auth().flatMap(call))
                .onFailure(e -> e instanceof AptibleApiException a && a.status() == 401)
                .recoverWithUni(e -> {
                    token.set(null);
                    return auth().flatMap(call);
                })
                .onFailure()
                .transform(e -> translate(request, e));
    }

    private Uni<String> auth() {
        Token current = token.get();
        if (current != null && Instant.now().isBefore(current.refreshAt())) {
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
                config.tokenLifetime().toSeconds());
        return retried(
                        "POST /tokens",
                        Uni.createFrom()
                                .deferred(() -> api.token(body))
                                .onFailure()
                                .transform(e -> translate("POST /tokens", e)))
                .map(response -> {
                    long lifetime = response.path("expires_in")
                            .asLong(config.tokenLifetime().toSeconds());
                    Duration margin = Duration.ofSeconds(Math.min(60, lifetime / 2));
                    Token fresh = new Token(
                            "Bearer " + response.path("access_token").asText(),
                            Instant.now().plusSeconds(lifetime).minus(margin));
                    token.set(fresh);
                    return fresh.bearer();
                });
    }

    private static Throwable translate(String request, Throwable e) {
        if (e instanceof AptibleApiException a) {
            return a.getMessage().startsWith("Aptible answered " + request) ? a : a.on(request);
        }
        if (e instanceof jakarta.ws.rs.ProcessingException
                || e instanceof java.io.IOException
                || e instanceof java.util.concurrent.TimeoutException
                || e instanceof io.vertx.core.VertxException
                || e.getCause() instanceof java.io.IOException) {
            return AptibleApiException.unreachable(request, e);
        }
        return e;
    }

    private static boolean retryable(Throwable e) {
        return e instanceof AptibleApiException a && a.retryable();
    }

    private String shortPath(String pathOrHref) {
        String url = url(pathOrHref);
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }
}

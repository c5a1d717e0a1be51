package dev.ferry.executor.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.executor.config.HerokuConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The source side of a cutover on Heroku: maintenance mode ({@code PATCH /apps/{app}}), formation scale
 * ({@code PATCH /apps/{app}/formation/{type}}), and a Postgres backup captured through the Data API
 * ({@code POST /client/v11/databases/{addon}/backups}, polled at {@code /client/v11/apps/{app}/transfers/{uuid}}
 * until {@code finished_at}). Every call here sets an absolute value or reads, so each is retried on
 * 5xx, 429 and timeouts, except the capture, which a retrying step finds again in the transfer list.
 */
@ApplicationScoped
public class HerokuClient {
    private final HerokuRestClient api;
    private final HerokuConfig config;

    public HerokuClient(@RestClient HerokuRestClient api, HerokuConfig config) {
        this.api = api;
        this.config = config;
    }

    /** The app; its {@code maintenance} field says whether maintenance mode is on. */
    public Uni<JsonNode> app(String token, String app) {
        return retried("GET /apps/" + app, () -> api.get(platform("/apps/" + app), bearer(token)));
    }

    public Uni<JsonNode> setMaintenance(String token, String app, boolean enabled) {
        return retried(
                "PATCH /apps/" + app,
                () -> api.patch(platform("/apps/" + app), bearer(token), Map.of("maintenance", enabled)));
    }

    /** One process type of the formation, with its {@code quantity}. */
    public Uni<JsonNode> formation(String token, String app, String type) {
        String path = "/apps/" + app + "/formation/" + type;
        return retried("GET " + path, () -> api.get(platform(path), bearer(token)));
    }

    public Uni<JsonNode> scale(String token, String app, String type, int quantity) {
        String path = "/apps/" + app + "/formation/" + type;
        return retried("PATCH " + path, () -> api.patch(platform(path), bearer(token), Map.of("quantity", quantity)));
    }

    /** Starts a backup of a Postgres add-on; answers with the transfer ({@code uuid}, {@code num}). */
    public Uni<JsonNode> captureBackup(String token, String addon) {
        String path = "/client/v11/databases/" + addon + "/backups";
        return Uni.createFrom()
                .deferred(() -> api.post(data(path), bearer(token), Map.of()))
                .onFailure()
                .transform(e -> translate("POST " + path, e));
    }

    public Uni<JsonNode> transfer(String token, String app, String uuid) {
        String path = "/client/v11/apps/" + app + "/transfers/" + uuid;
        return retried("GET " + path, () -> api.get(data(path), bearer(token)));
    }

    /** The app's transfers, newest last as Heroku lists them. */
    public Uni<JsonNode> transfers(String token, String app) {
        String path = "/client/v11/apps/" + app + "/transfers";
        return retried("GET " + path, () -> api.get(data(path), bearer(token)));
    }

    /** Polls a transfer until {@code finished_at} is set; fails (retryably) after the backup timeout. */
    public Uni<JsonNode> awaitTransfer(String token, String app, String uuid) {
        return poll(token, app, uuid, Instant.now().plus(config.backupTimeout()), config.pollInterval());
    }

    private Uni<JsonNode> poll(String token, String app, String uuid, Instant deadline, Duration pause) {
        return transfer(token, app, uuid).flatMap(t -> {
            if (!t.path("finished_at").isNull() && !t.path("finished_at").isMissingNode()) {
                return Uni.createFrom().item(t);
            }
            if (Instant.now().isAfter(deadline)) {
                return Uni.createFrom()
                        .failure(new HerokuApiException(
                                0,
                                "timeout",
                                "backup " + uuid + " of " + app + " unfinished after " + config.backupTimeout()));
            }
            Duration next = pause.plus(pause.dividedBy(2));
            Duration capped = next.compareTo(config.maxPollInterval()) > 0 ? config.maxPollInterval() : next;
            return Uni.createFrom()
                    .voidItem()
                    .onItem()
                    .delayIt()
                    .by(pause)
                    .flatMap(v -> poll(token, app, uuid, deadline, capped));
        });
    }

    /** The configured token, unless the step brought its own. */
    public Optional<String> configuredToken() {
        return config.token().filter(t -> !t.isBlank());
    }

    private String platform(String path) {
        return strip(config.url()) + path;
    }

    private String data(String path) {
        return strip(config.dataUrl().orElse(config.url())) + path;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private <T> Uni<T> retried(String request, Supplier<Uni<? extends T>> call) {
        return Uni.createFrom()
                .deferred(call)
                .onFailure()
                .transform(e -> translate(request, e))
                .onFailure(e -> e instanceof HerokuApiException h && h.retryable())
                .retry()
                .withBackOff(config.retryBackoff(), config.retryBackoff().multipliedBy(20))
                .withJitter(0.5)
                .atMost(config.retries());
    }

    private static Throwable translate(String request, Throwable e) {
        if (e instanceof HerokuApiException h) {
            return h.getMessage().startsWith("Heroku answered " + request) ? h : h.on(request);
        }
        if (e instanceof jakarta.ws.rs.ProcessingException
                || e instanceof java.io.IOException
                || e instanceof io.vertx.core.VertxException
                || e.getCause() instanceof java.io.IOException) {
            return HerokuApiException.unreachable(request, e);
        }
        return e;
    }
}

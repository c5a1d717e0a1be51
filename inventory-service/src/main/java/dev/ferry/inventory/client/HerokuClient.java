package dev.ferry.inventory.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.inventory.config.InventoryConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Reads a Heroku estate with the configured token, the way Heroku asks clients to behave: requests
 * are paced against the account's rate limit ({@link RatePacer}), a 429 backs off and resumes, 5xx
 * answers and timeouts are retried with jittered exponential back-off ({@link Backoff}), every GET
 * is conditional on the {@code ETag} last seen for it ({@link ConditionalCache}), and lists follow
 * {@code Next-Range} to the end. Each call adds to the caller's {@link CallStats}.
 */
@ApplicationScoped
public class HerokuClient {
    private static final Logger LOG = Logger.getLogger(HerokuClient.class);

    private static final TypeReference<List<HerokuDtos.App>> APPS = new TypeReference<>() {};
    private static final TypeReference<List<HerokuDtos.Formation>> FORMATION = new TypeReference<>() {};
    private static final TypeReference<List<HerokuDtos.AddOn>> ADDONS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> CONFIG_VARS = new TypeReference<>() {};

    private final HerokuRestClient api;
    private final ObjectMapper mapper;
    private final String authorization;
    private final String firstRange;
    private final RatePacer pacer;
    private final Backoff backoff;
    private final ConditionalCache cache;
    private final int maxAttempts;
    private final int maxRateLimitRetries;

    public HerokuClient(@RestClient HerokuRestClient api, InventoryConfig config, ObjectMapper mapper) {
        InventoryConfig.Heroku heroku = config.heroku();
        this.api = api;
        this.mapper = mapper;
        this.authorization = "Bearer " + heroku.token();
        this.firstRange = "id ..; max=" + heroku.pageSize();
        this.pacer = new RatePacer(
                heroku.rateLimit().capacity(),
                heroku.rateLimit().refillPerMinute(),
                heroku.rateLimit().reserve(),
                System.nanoTime());
        this.backoff = new Backoff(
                heroku.retry().initialBackoff(),
                heroku.retry().maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.cache = new ConditionalCache(heroku.etagCacheSize());
        this.maxAttempts = Math.max(1, heroku.retry().maxAttempts());
        this.maxRateLimitRetries = Math.max(0, heroku.rateLimit().maxRetries());
    }

    public Uni<HerokuDtos.Account> account(CallStats stats) {
        return get("/account", null, (range, etag) -> api.account(authorization, etag), stats)
                .map(answer -> parse(answer.body(), HerokuDtos.Account.class));
    }

    public Uni<List<HerokuDtos.App>> apps(CallStats stats) {
        return all("/apps", (range, etag) -> api.apps(authorization, range, etag), APPS, stats);
    }

    public Uni<HerokuDtos.App> app(String nameOrId, CallStats stats) {
        return get("/apps/" + nameOrId, null, (range, etag) -> api.app(authorization, nameOrId, etag), stats)
                .map(answer -> parse(answer.body(), HerokuDtos.App.class));
    }

    public Uni<List<HerokuDtos.Formation>> formation(String app, CallStats stats) {
        return all(
                "/apps/" + app + "/formation",
                (range, etag) -> api.formation(authorization, app, range, etag),
                FORMATION,
                stats);
    }

    public Uni<Map<String, String>> configVars(String app, CallStats stats) {
        return get(
                        "/apps/" + app + "/config-vars",
                        null,
                        (range, etag) -> api.configVars(authorization, app, etag),
                        stats)
                .map(answer -> parse(answer.body(), CONFIG_VARS));
    }

    public Uni<List<HerokuDtos.AddOn>> addons(String app, CallStats stats) {
        return all(
                "/apps/" + app + "/addons",
                (range, etag) -> api.addons(authorization, app, range, etag),
                ADDONS,
                stats);
    }

    /** One GET as sent: the range (or null) and the {@code If-None-Match} tag (or null). */
    @FunctionalInterface
    interface Request {
        Uni<Response> send(String range, String etag);
    }

    /** An answer with its body, fresh or reused from the cache on a 304. */
    record Answer(int status, String body, String nextRange) {}

    private <T> Uni<List<T>> all(String path, Request request, TypeReference<List<T>> type, CallStats stats) {
        return collect(path, request, type, firstRange, new ArrayList<>(), stats);
    }

    private <T> Uni<List<T>> collect(
            String path, Request request, TypeReference<List<T>> type, String range, List<T> items, CallStats stats) {
        return get(path, range, request, stats).flatMap(answer -> {
            List<T> page = answer.body() == null || answer.body().isBlank() ? null : parse(answer.body(), type);
            items.addAll(page == null ? List.of() : page);
            String next = answer.nextRange();
            if (answer.status() == 206 && next != null && !next.isBlank()) {
                return collect(path, request, type, next, items, stats);
            }
            return Uni.createFrom().item(List.copyOf(items));
        });
    }

    private Uni<Answer> get(String path, String range, Request request, CallStats stats) {
        String key = range == null ? path : path + "|" + range;
        // Deferred: nothing (not even the pacer) runs until the discovery subscribes.
        return Uni.createFrom().deferred(() -> attempt(key, range, request, stats, 1, 0));
    }

    private Uni<Answer> attempt(String key, String range, Request request, CallStats stats, int attempt, int limited) {
        ConditionalCache.Entry cached = cache.get(key);
        return permit(stats)
                .chain(() -> {
                    stats.countCall();
                    return request.send(range, cached == null ? null : cached.etag());
                })
                .map(response -> answer(key, response, cached, stats))
                .onFailure()
                .call(failure -> {
                    if (failure instanceof HerokuApiException heroku && heroku.status() == 429) {
                        stats.countRateLimited();
                        pacer.rateLimited(System.nanoTime());
                    } else if (failure instanceof HerokuApiException heroku && heroku.rateLimitRemaining() != null) {
                        pacer.observe(heroku.rateLimitRemaining(), true, System.nanoTime());
                    } else {
                        pacer.release();
                    }
                    return Uni.createFrom().voidItem();
                })
                .onFailure()
                .recoverWithUni(failure -> retry(key, range, request, stats, attempt, limited, failure));
    }

    private Uni<Answer> retry(
            String key, String range, Request request, CallStats stats, int attempt, int limited, Throwable failure) {
        Duration wait;
        int nextAttempt = attempt;
        int nextLimited = limited;
        if (failure instanceof HerokuApiException heroku && heroku.status() == 429) {
            if (limited >= maxRateLimitRetries) {
                return Uni.createFrom().failure(failure);
            }
            nextLimited = limited + 1;
            wait = backoff.delay(nextLimited);
        } else if (retryable(failure) && attempt < maxAttempts) {
            nextAttempt = attempt + 1;
            wait = backoff.delay(attempt);
        } else {
            return Uni.createFrom().failure(failure);
        }
        stats.countRetry();
        LOG.debugf("Retrying GET %s in %d ms after %s", key, wait.toMillis(), failure.toString());
        int a = nextAttempt;
        int l = nextLimited;
        return Uni.createFrom()
                .voidItem()
                .onItem()
                .delayIt()
                .by(wait)
                .chain(() -> attempt(key, range, request, stats, a, l));
    }

    /** Server errors, timeouts and broken connections may pass; Heroku's 4xx verdicts will not. */
    static boolean retryable(Throwable failure) {
        if (failure instanceof HerokuApiException heroku) {
            return heroku.status() >= 500;
        }
        return !(failure instanceof IllegalArgumentException);
    }

    /** Waits as the pacer says, checking the free rate-limit endpoint when it asks to. */
    private Uni<Void> permit(CallStats stats) {
        RatePacer.Decision decision = pacer.acquire(System.nanoTime());
        if (decision instanceof RatePacer.Wait wait) {
            stats.countPaced(wait.duration().toMillis());
            return Uni.createFrom().voidItem().onItem().delayIt().by(wait.duration());
        }
        if (decision instanceof RatePacer.Recheck recheck) {
            return Uni.createFrom()
                    .voidItem()
                    .onItem()
                    .delayIt()
                    .by(recheck.duration())
                    .chain(() -> permit(stats));
        }
        if (decision instanceof RatePacer.Refresh) {
            stats.countRateLimitCheck();
            return api.rateLimits(authorization)
                    .map(HerokuDtos.RateLimits::remaining)
                    .onFailure()
                    .recoverWithItem(failure -> {
                        LOG.debugf("Rate-limit check failed: %s", failure.toString());
                        return null;
                    })
                    .invoke(remaining -> pacer.refreshed(remaining, System.nanoTime()))
                    .chain(() -> permit(stats));
        }
        return Uni.createFrom().voidItem();
    }

    private Answer answer(String key, Response response, ConditionalCache.Entry cached, CallStats stats) {
        int status = response.getStatus();
        boolean notModified = status == 304 && cached != null;
        if (status >= 300 && !notModified) {
            // Reported to the pacer by the failure handler, like mapped error answers.
            throw HerokuApiException.of(response);
        }
        Integer remaining = remaining(response);
        if (remaining != null) {
            pacer.observe(remaining, true, System.nanoTime());
        } else {
            pacer.release();
        }
        if (notModified) {
            stats.countNotModified();
            return new Answer(cached.status(), cached.body(), cached.nextRange());
        }
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        String next = response.getHeaderString("Next-Range");
        String etag = response.getHeaderString("ETag");
        if (etag != null && !etag.isBlank()) {
            cache.put(key, new ConditionalCache.Entry(etag, body, status, next));
        }
        return new Answer(status, body, next);
    }

    /** Heroku's {@code RateLimit-Remaining}, or null when absent or malformed. */
    static Integer remaining(Response response) {
        String value = response.getHeaderString(HerokuRestClient.RATE_LIMIT_REMAINING);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException malformed) {
            return null;
        }
    }

    private <T> T parse(String body, Class<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Heroku sent a body that is not " + type.getSimpleName(), e);
        }
    }

    private <T> T parse(String body, TypeReference<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Heroku sent a body that cannot be read", e);
        }
    }
}

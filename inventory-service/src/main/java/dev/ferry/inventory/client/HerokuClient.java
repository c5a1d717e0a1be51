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
 * {@code Next-Range} to the end (on a 200 as on a 206). Each call adds to the caller's {@link CallStats}.
 */
@ApplicationScoped
public class HerokuClient {
    private static final Logger LOG = Logger.getLogger(HerokuClient.class);

    private static final TypeReference<List<HerokuDtos.App>> APPS = new TypeReference<>() {};
    private static final TypeReference<List<HerokuDtos.Formation>> FORMATION = new TypeReference<>() {};
    private static final TypeReference<List<HerokuDtos.AddOn>> ADDONS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> CONFIG_VARS = new TypeReference<>() {};
    private static final TypeReference<HerokuDtos.Account> ACCOUNT = new TypeReference<>() {};
    private static final TypeReference<HerokuDtos.App> APP = new TypeReference<>() {};

    private final HerokuRestClient api;
    private final HerokuDataRestClient data;
    private final ObjectMapper mapper;
    private final String authorization;
    private final String firstRange;
    private final RatePacer pacer;
    private final Backoff backoff;
    private final ConditionalCache cache;
    private final int maxAttempts;
    private final int maxRateLimitRetries;
    private final HerokuMetrics metrics;

    public HerokuClient(
            @RestClient HerokuRestClient api,
            @RestClient HerokuDataRestClient data,
            InventoryConfig config,
            ObjectMapper mapper,
            HerokuMetrics metrics) {
        this.metrics = metrics;
        InventoryConfig.Heroku heroku = config.heroku();
        this.api = api;
        this.data = data;
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
        return one("/account", (range, etag) -> api.account(authorization, etag), ACCOUNT, stats);
    }

    /** Every app the token can see, with buildpacks (the {@code 3.sdk} variant). */
    public Uni<List<HerokuDtos.App>> apps(CallStats stats) {
        return all("/apps", (range, etag) -> api.appsSdk(authorization, range, etag), APPS, stats);
    }

    /** One app by name or id, with buildpacks. */
    public Uni<HerokuDtos.App> app(String nameOrId, CallStats stats) {
        return one("/apps/" + nameOrId, (range, etag) -> api.appSdk(authorization, nameOrId, etag), APP, stats);
    }

    /** A team's apps, with buildpacks. */
    public Uni<List<HerokuDtos.App>> teamApps(String team, CallStats stats) {
        return all(
                "/teams/" + team + "/apps",
                (range, etag) -> api.teamApps(authorization, team, range, etag),
                APPS,
                stats);
    }

    public Uni<List<HerokuDtos.Team>> teams(CallStats stats) {
        return accountList("teams", new TypeReference<>() {}, stats);
    }

    /** Every add-on of every app the token can see. */
    public Uni<List<HerokuDtos.AddOn>> allAddOns(CallStats stats) {
        return accountList("addons", ADDONS, stats);
    }

    /** Every attachment of every app the token can see, with the config vars each sets. */
    public Uni<List<HerokuDtos.Attachment>> allAttachments(CallStats stats) {
        return all(
                "/addon-attachments",
                (range, etag) -> api.attachments(authorization, range, etag),
                new TypeReference<>() {},
                stats);
    }

    public Uni<List<HerokuDtos.Pipeline>> pipelines(CallStats stats) {
        return accountList("pipelines", new TypeReference<>() {}, stats);
    }

    public Uni<List<HerokuDtos.Coupling>> pipelineCouplings(CallStats stats) {
        return accountList("pipeline-couplings", new TypeReference<>() {}, stats);
    }

    public Uni<List<HerokuDtos.Space>> spaces(CallStats stats) {
        return accountList("spaces", new TypeReference<>() {}, stats);
    }

    public Uni<List<HerokuDtos.DynoSize>> dynoSizes(CallStats stats) {
        return accountList("dyno-sizes", new TypeReference<>() {}, stats);
    }

    public Uni<HerokuDtos.InboundRuleset> inboundRuleset(String space, CallStats stats) {
        return spaceResource(space, "inbound-ruleset", new TypeReference<>() {}, stats);
    }

    public Uni<HerokuDtos.Nat> nat(String space, CallStats stats) {
        return spaceResource(space, "nat", new TypeReference<>() {}, stats);
    }

    public Uni<List<HerokuDtos.Peering>> peerings(String space, CallStats stats) {
        return spaceResource(space, "peerings", new TypeReference<>() {}, stats);
    }

    public Uni<List<HerokuDtos.VpnConnection>> vpnConnections(String space, CallStats stats) {
        return spaceResource(space, "vpn-connections", new TypeReference<>() {}, stats);
    }

    public Uni<List<HerokuDtos.Formation>> formation(String app, CallStats stats) {
        return all(
                "/apps/" + app + "/formation",
                (range, etag) -> api.formation(authorization, app, range, etag),
                FORMATION,
                stats);
    }

    public Uni<Map<String, String>> configVars(String app, CallStats stats) {
        return one(
                "/apps/" + app + "/config-vars",
                (range, etag) -> api.configVars(authorization, app, etag),
                CONFIG_VARS,
                stats);
    }

    public Uni<List<HerokuDtos.AddOn>> addons(String app, CallStats stats) {
        return all(
                "/apps/" + app + "/addons",
                (range, etag) -> api.addons(authorization, app, range, etag),
                ADDONS,
                stats);
    }

    public Uni<List<HerokuDtos.Domain>> domains(String app, CallStats stats) {
        return appList(app, "domains", new TypeReference<>() {}, stats);
    }

    public Uni<List<HerokuDtos.SniEndpoint>> sniEndpoints(String app, CallStats stats) {
        return appList(app, "sni-endpoints", new TypeReference<>() {}, stats);
    }

    public Uni<List<HerokuDtos.LogDrain>> logDrains(String app, CallStats stats) {
        return appList(app, "log-drains", new TypeReference<>() {}, stats);
    }

    public Uni<List<HerokuDtos.Feature>> features(String app, CallStats stats) {
        return appList(app, "features", new TypeReference<>() {}, stats);
    }

    public Uni<List<HerokuDtos.Collaborator>> collaborators(String app, CallStats stats) {
        return appList(app, "collaborators", new TypeReference<>() {}, stats);
    }

    public Uni<List<HerokuDtos.BuildpackInstallation>> buildpacks(String app, CallStats stats) {
        return appList(app, "buildpack-installations", new TypeReference<>() {}, stats);
    }

    public Uni<List<HerokuDtos.Webhook>> webhooks(String app, CallStats stats) {
        return all(
                "/apps/" + app + "/webhooks",
                (range, etag) -> api.webhooks(authorization, app, range, etag),
                new TypeReference<>() {},
                stats);
    }

    /** The newest {@code count} releases, newest first: one page, as the CLI reads them. */
    public Uni<List<HerokuDtos.Release>> recentReleases(String app, int count, CallStats stats) {
        String path = "/apps/" + app + "/releases";
        String range = "version ..; max=" + count + ", order=desc";
        return get(path, range, (r, etag) -> api.appList(authorization, app, "releases", r, etag), stats)
                .map(answer ->
                        parse(path + "|" + range, path, answer, new TypeReference<List<HerokuDtos.Release>>() {}));
    }

    /** Data API facts of a Heroku Postgres add-on. */
    public Uni<HerokuDtos.PostgresDatabase> postgres(String addon, CallStats stats) {
        return one(
                "/client/v11/databases/" + addon,
                (range, etag) -> data.postgres(authorization, addon, etag),
                new TypeReference<>() {},
                stats);
    }

    /** Data API facts of a Heroku Redis add-on. */
    public Uni<HerokuDtos.RedisDatabase> redis(String addon, CallStats stats) {
        return one(
                "/redis/v0/databases/" + addon,
                (range, etag) -> data.redis(authorization, addon, etag),
                new TypeReference<>() {},
                stats);
    }

    private <T> Uni<List<T>> accountList(String resource, TypeReference<List<T>> type, CallStats stats) {
        return all("/" + resource, (range, etag) -> api.list(authorization, resource, range, etag), type, stats);
    }

    private <T> Uni<List<T>> appList(String app, String resource, TypeReference<List<T>> type, CallStats stats) {
        return all(
                "/apps/" + app + "/" + resource,
                (range, etag) -> api.appList(authorization, app, resource, range, etag),
                type,
                stats);
    }

    private <T> Uni<T> spaceResource(String space, String resource, TypeReference<T> type, CallStats stats) {
        return one(
                "/spaces/" + space + "/" + resource,
                (range, etag) -> api.spaceResource(authorization, space, resource, etag),
                type,
                stats);
    }

    private <T> Uni<T> one(String path, Request request, TypeReference<T> type, CallStats stats) {
        return get(path, null, request, stats).map(answer -> parse(path, path, answer, type));
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

    /**
     * Reads a list page by page: Heroku's {@code Next-Range} may come with a 200 as well as a 206, so
     * its presence alone says that more items remain (as Heroku's own {@code http-call} reads it).
     */
    private <T> Uni<List<T>> collect(
            String path, Request request, TypeReference<List<T>> type, String range, List<T> items, CallStats stats) {
        return get(path, range, request, stats).flatMap(answer -> {
            List<T> page = answer.body() == null || answer.body().isBlank()
                    ? null
                    : parse(path + "|" + range, path, answer, type);
            items.addAll(page == null ? List.of() : page);
            String next = answer.nextRange();
            if (next == null || next.isBlank()) {
                return Uni.createFrom().item(List.copyOf(items));
            }
            if (next.equals(range)) {
                // Following it would ask for the same page forever; a snapshot must not be partial.
                return Uni.createFrom()
                        .failure(MalformedAnswerException.repeatedRange("GET " + path, answer.status(), range));
            }
            return collect(path, request, type, next, items, stats);
        });
    }

    private Uni<Answer> get(String path, String range, Request request, CallStats stats) {
        String key = range == null ? path : path + "|" + range;
        // Deferred: nothing (not even the pacer) runs until the discovery subscribes.
        return Uni.createFrom()
                .deferred(() -> attempt(key, range, request, stats, 1, 0))
                .onFailure(HerokuApiException.class)
                .transform(e -> ((HerokuApiException) e).at("GET " + path));
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
                    metrics.call(failure instanceof HerokuApiException heroku ? heroku.status() : 0);
                    if (failure instanceof HerokuApiException heroku && heroku.status() == 429) {
                        stats.countRateLimited();
                        pacer.rateLimited(System.nanoTime());
                    } else if (failure instanceof HerokuApiException heroku && heroku.rateLimitRemaining() != null) {
                        metrics.remaining(heroku.rateLimitRemaining());
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
                    .invoke(remaining -> {
                        if (remaining != null) {
                            metrics.remaining(remaining);
                        }
                        pacer.refreshed(remaining, System.nanoTime());
                    })
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
        metrics.call(status);
        Integer remaining = remaining(response);
        if (remaining != null) {
            metrics.remaining(remaining);
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

    /**
     * Reads an answer's JSON; a body that does not parse is dropped from the ETag cache (so a
     * re-scan asks afresh) and reported with the request that got it.
     */
    private <T> T parse(String key, String path, Answer answer, TypeReference<T> type) {
        try {
            T value = mapper.readValue(answer.body(), type);
            if (value == null) {
                throw new MalformedAnswerException("GET " + path, answer.status(), "empty body");
            }
            return value;
        } catch (JsonProcessingException e) {
            cache.remove(key);
            throw new MalformedAnswerException("GET " + path, answer.status(), e.getOriginalMessage());
        }
    }
}

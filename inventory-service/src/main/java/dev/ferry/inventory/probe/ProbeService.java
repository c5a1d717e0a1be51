package dev.ferry.inventory.probe;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.ConfigVar;
import dev.ferry.events.inventory.PostgresProbe;
import dev.ferry.events.inventory.RedisProbe;
import dev.ferry.events.secret.SealedSecret;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.inventory.config.FerryInventoryConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Probes the data behind each Heroku Postgres and Heroku Redis add-on of a discovery, read-only and
 * once per add-on, and returns the apps with what the probes found. The add-on's URL is opened from
 * its sealed config var only in memory, for the probe, and never logged.
 */
@ApplicationScoped
public class ProbeService {
    private static final Logger LOG = Logger.getLogger(ProbeService.class);
    static final String POSTGRES = "heroku-postgresql";
    static final String REDIS = "heroku-redis";

    private final SecretBox secrets;
    private final PostgresProber postgres;
    private final RedisProber redis;
    private final FerryInventoryConfig.Probes config;

    @Inject
    public ProbeService(SecretBox secrets, io.vertx.core.Vertx vertx, FerryInventoryConfig config) {
        this(secrets, new PostgresProber(), new RedisProber(vertx), config.probes());
    }

    ProbeService(SecretBox secrets, PostgresProber postgres, RedisProber redis, FerryInventoryConfig.Probes config) {
        this.secrets = secrets;
        this.postgres = postgres;
        this.redis = redis;
        this.config = config;
    }

    /** What one add-on's probe found; exactly one side is set. */
    record Result(PostgresProbe postgres, RedisProbe redis) {}

    /** Where an add-on's URL was found: the app's sealed config var. */
    private record Target(String addonId, String service, Optional<SealedSecret> url) {}

    /**
     * The apps with {@code postgresProbe} or {@code redisProbe} set on every Heroku Postgres and
     * Heroku Redis add-on; unchanged when probes are disabled. Never fails: a probe that cannot run
     * says why in its {@code error}.
     */
    public Uni<List<AppInventory>> probe(List<AppInventory> apps) {
        if (!config.enabled()) {
            return Uni.createFrom().item(apps);
        }
        Map<String, Target> targets = targets(apps);
        if (targets.isEmpty()) {
            return Uni.createFrom().item(apps);
        }
        List<Uni<Map.Entry<String, Result>>> probes = targets.values().stream()
                .map(t -> run(t).map(r -> Map.entry(t.addonId(), r)))
                .toList();
        // Probes block on worker threads; the caller continues on its own Vert.x context.
        io.vertx.core.Context caller = io.vertx.core.Vertx.currentContext();
        return Uni.join()
                .all(probes)
                .usingConcurrencyOf(Math.max(1, config.parallelism()))
                .andFailFast()
                .emitOn(caller == null ? Runnable::run : task -> caller.runOnContext(ignored -> task.run()))
                .map(results -> {
                    Map<String, Result> byAddon = new LinkedHashMap<>();
                    results.forEach(e -> byAddon.put(e.getKey(), e.getValue()));
                    return apps.stream().map(app -> withProbes(app, byAddon)).toList();
                });
    }

    /** One target per add-on id, its URL taken from the first app that has the config var. */
    static Map<String, Target> targets(List<AppInventory> apps) {
        Map<String, Target> targets = new LinkedHashMap<>();
        for (AppInventory app : apps) {
            for (AddOn addon : app.addons()) {
                if (!POSTGRES.equals(addon.service()) && !REDIS.equals(addon.service())) {
                    continue;
                }
                Optional<SealedSecret> url = urlOf(app, addon);
                Target known = targets.get(addon.id());
                if (known == null || (known.url().isEmpty() && url.isPresent())) {
                    targets.put(addon.id(), new Target(addon.id(), addon.service(), url));
                }
            }
        }
        return targets;
    }

    private static Optional<SealedSecret> urlOf(AppInventory app, AddOn addon) {
        List<String> names = addon.configVars() == null ? List.of() : addon.configVars();
        return names.stream()
                .flatMap(name -> app.configVars().stream().filter(v -> v.name().equals(name)))
                .map(ConfigVar::value)
                .findFirst();
    }

    private Uni<Result> run(Target target) {
        boolean isPostgres = POSTGRES.equals(target.service());
        if (target.url().isEmpty()) {
            String error = "no config var of the add-on was discovered, so its URL is unknown";
            return Uni.createFrom().item(result(isPostgres, error));
        }
        Duration timeout = config.timeout();
        long start = System.nanoTime();
        return Uni.createFrom()
                .item(() -> probeNow(isPostgres, target.url().get(), timeout))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem()
                .after(timeout.plusSeconds(2))
                .recoverWithItem(() -> result(isPostgres, "timed out after " + timeout.toSeconds() + "s"))
                .onFailure()
                .recoverWithItem(
                        e -> result(isPostgres, "probe failed: " + e.getClass().getSimpleName()))
                .invoke(r -> LOG.infof(
                        "Probed add-on %s (%s) in %d ms: %s",
                        target.addonId(),
                        target.service(),
                        Duration.ofNanos(System.nanoTime() - start).toMillis(),
                        reachable(r) ? "reachable" : "unreachable, " + error(r)));
    }

    private Result probeNow(boolean isPostgres, SealedSecret sealedUrl, Duration timeout) {
        SourceUrl url;
        try {
            url = SourceUrl.parse(secrets.open(sealedUrl));
        } catch (RuntimeException e) {
            return result(isPostgres, "the add-on's URL cannot be used: " + e.getMessage());
        }
        return isPostgres
                ? new Result(postgres.probe(url, timeout), null)
                : new Result(null, redis.probe(url, timeout, config.redisScanMaxKeys()));
    }

    private static Result result(boolean isPostgres, String error) {
        return isPostgres
                ? new Result(PostgresProber.unreachable(error), null)
                : new Result(null, RedisProber.unreachable(error));
    }

    private static boolean reachable(Result r) {
        return r.postgres() != null ? r.postgres().reachable() : r.redis().reachable();
    }

    private static String error(Result r) {
        return r.postgres() != null ? r.postgres().error() : r.redis().error();
    }

    private static AppInventory withProbes(AppInventory app, Map<String, Result> results) {
        List<AddOn> addons = app.addons().stream()
                .map(a -> {
                    Result r = results.get(a.id());
                    return r == null ? a : withProbe(a, r);
                })
                .toList();
        return new AppInventory(
                app.id(),
                app.name(),
                app.region(),
                app.stack(),
                app.formation(),
                app.configVars(),
                addons,
                app.team(),
                app.generation(),
                app.buildpacks(),
                app.procfile(),
                app.domains(),
                app.sniEndpoints(),
                app.logDrains(),
                app.features(),
                app.webhooks(),
                app.collaborators(),
                app.release(),
                app.pipeline(),
                app.space(),
                app.acm(),
                app.maintenance());
    }

    private static AddOn withProbe(AddOn a, Result r) {
        return new AddOn(
                a.id(),
                a.name(),
                a.service(),
                a.plan(),
                a.configVars(),
                a.billingApp(),
                a.attachedTo(),
                a.attachmentName(),
                a.state(),
                a.postgres(),
                a.redis(),
                r.postgres() != null ? r.postgres() : a.postgresProbe(),
                r.redis() != null ? r.redis() : a.redisProbe());
    }
}

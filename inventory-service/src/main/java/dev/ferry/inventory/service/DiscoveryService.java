package dev.ferry.inventory.service;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.common.observability.EventTracing;
import dev.ferry.common.observability.LogContext;
import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.EventIds;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.DiscoveryFailed;
import dev.ferry.events.inventory.DiscoveryStarted;
import dev.ferry.events.inventory.DynoSize;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.inventory.HerokuAccount;
import dev.ferry.inventory.client.CallStats;
import dev.ferry.inventory.client.HerokuApiException;
import dev.ferry.inventory.client.HerokuClient;
import dev.ferry.inventory.client.HerokuDtos;
import dev.ferry.inventory.config.FerryInventoryConfig;
import dev.ferry.inventory.config.InventoryConfig;
import dev.ferry.inventory.domain.DiscoveryRequest;
import dev.ferry.inventory.probe.ProbeService;
import dev.ferry.inventory.repository.Leases;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Runs a discovery. In the request: checks it, reads the account and resolves what to read (the
 * account's apps, a team's, or named apps; an unknown team or app is refused and nothing is
 * appended), appends {@code discovery-started} and answers. Then in the background: reads the
 * account-wide lists, the Data API facts and every app ({@code parallelism} at a time), and appends
 * the snapshot, or {@code discovery-failed} naming the app, request and status that stopped it; a
 * failed discovery records no apps at all. {@link ProgressRegistry} shows where it is meanwhile.
 * The runner holds the discovery's lease while it reads, so that another instance resumes it
 * ({@link DiscoveryResumer}) if this one dies; the snapshot's event id is derived from the discovery,
 * so a discovery that ran twice is still recorded once.
 */
@ApplicationScoped
public class DiscoveryService {
    private static final Logger LOG = Logger.getLogger(DiscoveryService.class);

    private final HerokuClient heroku;
    private final ProbeService probes;
    private final AccountReader accountReader;
    private final EstateReader reader;
    private final EventLog eventLog;
    private final ProgressRegistry registry;
    private final Vertx vertx;
    private final Clock clock;
    private final int parallelism;
    private final Leases leases;
    private final Duration leaseTerm;
    private final int maxResumes;

    public DiscoveryService(
            HerokuClient heroku,
            AccountReader accountReader,
            EstateReader reader,
            EventLog eventLog,
            ProgressRegistry registry,
            Vertx vertx,
            Clock clock,
            InventoryConfig config,
            ProbeService probes,
            Leases leases,
            FerryInventoryConfig inventoryConfig) {
        this.probes = probes;
        this.heroku = heroku;
        this.accountReader = accountReader;
        this.reader = reader;
        this.eventLog = eventLog;
        this.registry = registry;
        this.vertx = vertx;
        this.clock = clock;
        this.parallelism = Math.max(1, config.heroku().parallelism());
        this.leases = leases;
        this.leaseTerm = inventoryConfig.discovery().leaseTerm();
        this.maxResumes = inventoryConfig.discovery().maxResumes();
    }

    /**
     * How long a finished discovery keeps its lease: long past the moment the projection shows its
     * outcome, so no instance mistakes it for an interrupted one meanwhile.
     */
    static final Duration SETTLED = Duration.ofHours(1);

    /** The lease a running discovery's runner holds. */
    static String lease(String discoveryId) {
        return "discovery:" + discoveryId;
    }

    /** The outcome a caller is told about; {@code status} is {@code running} once started. */
    public record Outcome(String discoveryId, String status, int apps, String reason) {}

    /** What a scan of Heroku read, before anything is appended. */
    public record Scan(HerokuDtos.Account account, List<AppInventory> apps, AccountFacts facts) {}

    /** What to read: the account and the apps the request resolved to. */
    private record Targets(HerokuDtos.Account account, List<HerokuDtos.App> apps) {}

    /** Starts a discovery for {@code requestedBy}, the token's user (or the drift re-scanner). */
    public Uni<Outcome> discover(DiscoveryRequest request, String requestedBy) {
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.badRequest(String.join("; ", problems)));
        }
        String discoveryId = EventIds.random();
        Instant startedAt = clock.instant();
        DiscoveryStarted started = new DiscoveryStarted(
                discoveryId,
                request.effectiveScope(),
                request.appNames(),
                requestedBy,
                startedAt,
                request.effectiveScope().equals(DiscoveryRequest.TEAM) ? request.team() : null);
        DiscoveryProgress progress = new DiscoveryProgress(discoveryId, new CallStats(), startedAt);
        registry.register(progress);
        return targets(request, progress.stats())
                .onFailure(ProblemException.class)
                .invoke(refused -> registry.forget(discoveryId))
                .onFailure(e -> !(e instanceof ProblemException))
                .recoverWithUni(failure -> failed(started, progress, failure, false)
                        .flatMap(f -> Uni.createFrom()
                                .failure(new ProblemException(
                                        502, "Bad Gateway", "Discovery " + discoveryId + " failed: " + f.reason()))))
                .flatMap(targets -> eventLog.append(started).replaceWith(targets))
                .call(targets -> blocking(() -> leases.claim(lease(discoveryId), Leases.INSTANCE, leaseTerm))
                        .onFailure()
                        .invoke(e -> LOG.warnf(
                                "Discovery %s runs without its lease, so no other instance will resume it: %s",
                                discoveryId, e.getMessage()))
                        .onFailure()
                        .recoverWithNull())
                .map(targets -> {
                    runInBackground(started, targets, progress);
                    return new Outcome(discoveryId, "running", targets.apps().size(), null);
                });
    }

    /**
     * Runs a discovery again whose runner stopped renewing its lease, which this instance just took
     * (the {@code takeovers}-th time); after {@code max-resumes} interruptions it is recorded as
     * failed instead.
     */
    public Uni<Void> resume(DiscoveryStarted started, int takeovers) {
        String discoveryId = started.discoveryId();
        DiscoveryProgress progress = new DiscoveryProgress(discoveryId, new CallStats(), clock.instant());
        registry.register(progress);
        if (takeovers > maxResumes) {
            DiscoveryFailed interrupted = new DiscoveryFailed(
                    discoveryId,
                    "Interrupted: the inventory instance running it stopped " + takeovers
                            + " times, more than ferry.inventory.discovery.max-resumes=" + maxResumes
                            + "; start a new discovery",
                    clock.instant(),
                    null,
                    null,
                    null);
            return record(started, progress, interrupted, true)
                    .call(() -> settle(discoveryId))
                    .replaceWithVoid();
        }
        LOG.infof("Resuming discovery %s (interrupted %d time(s))", discoveryId, takeovers);
        DiscoveryRequest request = new DiscoveryRequest(started.scope(), started.apps(), started.team());
        return targets(request, progress.stats())
                .invoke(targets -> runInBackground(started, targets, progress))
                .onFailure()
                .call(failure -> failed(started, progress, failure, true).call(() -> settle(discoveryId)))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Reads the account and the requested apps from Heroku without appending anything; Heroku's cost
     * is added to {@code stats}. The benchmark measures this.
     */
    public Uni<Scan> scan(DiscoveryRequest request, CallStats stats) {
        DiscoveryProgress progress = new DiscoveryProgress("scan", stats, clock.instant());
        return targets(request, stats).flatMap(t -> read(t, progress));
    }

    /** The snapshot event for a scan. */
    public EstateDiscovered snapshot(String discoveryId, String requestedBy, Scan scan) {
        Set<String> sizes = scan.apps().stream()
                .flatMap(a -> a.formation().stream())
                .map(p -> p.size().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<DynoSize> dynoSizes = scan.facts().dynoSizes().stream()
                .filter(d -> d.name() != null && sizes.contains(d.name().toLowerCase(Locale.ROOT)))
                .map(d -> new DynoSize(
                        d.name(),
                        d.memory() == null ? 0 : d.memory(),
                        d.compute() == null ? null : compute(d.compute()),
                        Boolean.TRUE.equals(d.dedicated())))
                .toList();
        Set<String> spaces = scan.apps().stream()
                .map(AppInventory::space)
                .filter(s -> s != null)
                .collect(Collectors.toSet());
        return new EstateDiscovered(
                discoveryId,
                new HerokuAccount(scan.account().id(), scan.account().email()),
                scan.apps(),
                clock.instant(),
                requestedBy,
                scan.facts().teams(),
                scan.facts().spaces().values().stream()
                        .filter(s -> spaces.contains(s.name()))
                        .toList(),
                List.copyOf(scan.facts().pipelines().values()),
                dynoSizes);
    }

    private static String compute(double compute) {
        return compute == Math.rint(compute) ? Long.toString((long) compute) + "x" : compute + "x";
    }

    private Uni<Targets> targets(DiscoveryRequest request, CallStats stats) {
        return heroku.account(stats)
                .flatMap(account -> resolve(request, stats).map(apps -> new Targets(account, apps)));
    }

    private Uni<List<HerokuDtos.App>> resolve(DiscoveryRequest request, CallStats stats) {
        return switch (request.effectiveScope()) {
            case DiscoveryRequest.ACCOUNT -> heroku.apps(stats);
            case DiscoveryRequest.TEAM ->
                heroku.teamApps(request.team(), stats)
                        .onFailure(e -> e instanceof HerokuApiException h && (h.status() == 404 || h.status() == 403))
                        .transform(e -> ProblemException.notFound("Heroku has no team named '" + request.team()
                                + "' that this token is a member of (" + e.getMessage() + ")"));
            default -> apps(request.appNames(), stats);
        };
    }

    /** The named apps; a 404 naming every one Heroku does not show this token, not just the first. */
    private Uni<List<HerokuDtos.App>> apps(List<String> names, CallStats stats) {
        return Parallel.map(
                        names,
                        parallelism,
                        name -> heroku.app(name, stats)
                                .map(Optional::of)
                                .onFailure(e ->
                                        e instanceof HerokuApiException h && (h.status() == 404 || h.status() == 403))
                                .recoverWithItem(Optional.empty()))
                .map(found -> {
                    List<String> unknown = IntStream.range(0, names.size())
                            .filter(i -> found.get(i).isEmpty())
                            .mapToObj(i -> "'" + names.get(i) + "'")
                            .toList();
                    if (!unknown.isEmpty()) {
                        throw ProblemException.notFound("Heroku has no app" + (unknown.size() == 1 ? "" : "s")
                                + " named " + String.join(", ", unknown) + " that this token can see");
                    }
                    return found.stream().map(Optional::get).toList();
                });
    }

    private Uni<Scan> read(Targets targets, DiscoveryProgress progress) {
        CallStats stats = progress.stats();
        progress.appsTotal(targets.apps().size());
        progress.enter(DiscoveryProgress.Phase.ACCOUNT);
        return accountReader
                .read(targets.account(), targets.apps(), parallelism, stats)
                .invoke(facts -> progress.enter(DiscoveryProgress.Phase.APPS))
                .flatMap(facts -> Parallel.map(
                                targets.apps(),
                                parallelism,
                                app -> reader.read(app, facts, stats)
                                        .onItem()
                                        .invoke(progress::appDone)
                                        .onFailure()
                                        .invoke(progress::appFailed)
                                        .onFailure()
                                        .transform(e -> new AppReadException(app.name(), e)))
                        .flatMap(probes::probe)
                        .map(apps -> new Scan(targets.account(), apps, facts)));
    }

    /**
     * Runs the reads on a fresh duplicated context, outside the request that started them, renewing
     * the discovery's lease until the outcome is appended.
     */
    private void runInBackground(DiscoveryStarted started, Targets targets, DiscoveryProgress progress) {
        io.opentelemetry.context.Context trace = EventTracing.current();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        String lease = lease(started.discoveryId());
        long heartbeat = vertx.setPeriodic(
                Math.max(1, leaseTerm.toMillis() / 3),
                id -> blocking(() -> leases.renew(lease, Leases.INSTANCE, leaseTerm))
                        .subscribe()
                        .with(
                                renewed -> {
                                    if (!renewed) {
                                        LOG.warnf(
                                                "Discovery %s lost its lease to another instance",
                                                started.discoveryId());
                                    }
                                },
                                e -> LOG.warnf(
                                        "Cannot renew the lease of discovery %s: %s", started.discoveryId(), e)));
        Runnable done = () -> {
            vertx.cancelTimer(heartbeat);
            settle(started.discoveryId())
                    .subscribe()
                    .with(ok -> {}, e -> LOG.debugf("Lease of %s not settled: %s", started.discoveryId(), e));
        };
        context.runOnContext(ignored -> {
            // The request's trace and the discovery id follow the reads (both live in this fresh context).
            EventTracing.adopt(trace);
            LogContext.Scope mdc = LogContext.with(LogContext.DISCOVERY_ID, started.discoveryId());
            read(targets, progress)
                    .map(scan -> snapshot(started.discoveryId(), started.requestedBy(), scan))
                    .invoke(() -> progress.enter(DiscoveryProgress.Phase.APPENDING))
                    .flatMap(discovered -> eventLog.append(
                                    EventIds.derive("estate-discovered", started.discoveryId()), discovered)
                            .replaceWith(discovered))
                    .subscribe()
                    .with(
                            discovered -> {
                                done.run();
                                progress.finish(DiscoveryProgress.Phase.COMPLETED, null, clock.instant());
                                LOG.infof(
                                        "Discovery %s read %d apps; Heroku calls: %s",
                                        started.discoveryId(), discovered.apps().size(), progress.stats());
                                mdc.close();
                            },
                            failure -> failed(started, progress, failure, true)
                                    .onTermination()
                                    .invoke(mdc::close)
                                    .subscribe()
                                    .with(
                                            f -> done.run(),
                                            // The lease runs out unrenewed, and another instance resumes it.
                                            e -> {
                                                vertx.cancelTimer(heartbeat);
                                                LOG.errorf(
                                                        e,
                                                        "Discovery %s failed and could not record it",
                                                        started.discoveryId());
                                            }));
        });
    }

    /**
     * Records why a discovery failed, naming the app, request and status; the start is appended
     * with it unless it already was.
     */
    private Uni<DiscoveryFailed> failed(
            DiscoveryStarted started, DiscoveryProgress progress, Throwable failure, boolean startAppended) {
        return record(
                started, progress, FailureCause.of(started.discoveryId(), failure, clock.instant()), startAppended);
    }

    private Uni<DiscoveryFailed> record(
            DiscoveryStarted started, DiscoveryProgress progress, DiscoveryFailed failed, boolean startAppended) {
        LOG.warnf("Discovery %s failed: %s", started.discoveryId(), failed.reason());
        progress.finish(DiscoveryProgress.Phase.FAILED, failed.reason(), failed.failedAt());
        Uni<?> start = startAppended ? Uni.createFrom().voidItem() : eventLog.append(started);
        return start.flatMap(
                        ignored -> eventLog.append(EventIds.derive("discovery-failed", started.discoveryId()), failed))
                .replaceWith(failed);
    }

    /** Keeps a finished discovery's lease for {@link #SETTLED}, so nobody resumes it meanwhile. */
    private Uni<Boolean> settle(String discoveryId) {
        return blocking(() -> leases.renew(lease(discoveryId), Leases.INSTANCE, SETTLED));
    }

    private static <T> Uni<T> blocking(java.util.function.Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}

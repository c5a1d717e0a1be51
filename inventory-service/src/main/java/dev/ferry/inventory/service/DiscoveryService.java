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
import dev.ferry.inventory.config.InventoryConfig;
import dev.ferry.inventory.domain.DiscoveryRequest;
import dev.ferry.inventory.probe.ProbeService;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs a discovery. In the request: checks it, reads the account and resolves what to read (the
 * account's apps, a team's, or named apps; an unknown team or app is refused and nothing is
 * appended), appends {@code discovery-started} and answers. Then in the background: reads the
 * account-wide lists, the Data API facts and every app ({@code parallelism} at a time), and appends
 * the snapshot, or {@code discovery-failed} naming the app, request and status that stopped it; a
 * failed discovery records no apps at all. {@link ProgressRegistry} shows where it is meanwhile.
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

    public DiscoveryService(
            HerokuClient heroku,
            AccountReader accountReader,
            EstateReader reader,
            EventLog eventLog,
            ProgressRegistry registry,
            Vertx vertx,
            Clock clock,
            InventoryConfig config,
            ProbeService probes) {
        this.probes = probes;
        this.heroku = heroku;
        this.accountReader = accountReader;
        this.reader = reader;
        this.eventLog = eventLog;
        this.registry = registry;
        this.vertx = vertx;
        this.clock = clock;
        this.parallelism = Math.max(1, config.heroku().parallelism());
    }

    /** The outcome a caller is told about; {@code status} is {@code running} once started. */
    public record Outcome(String discoveryId, String status, int apps, String reason) {}

    /** What a scan of Heroku read, before anything is appended. */
    public record Scan(HerokuDtos.Account account, List<AppInventory> apps, AccountFacts facts) {}

    /** What to read: the account and the apps the request resolved to. */
    private record Targets(HerokuDtos.Account account, List<HerokuDtos.App> apps) {}

    public Uni<Outcome> discover(DiscoveryRequest request) {
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
                request.requester(),
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
                .map(targets -> {
                    runInBackground(started, targets, progress);
                    return new Outcome(discoveryId, "running", targets.apps().size(), null);
                });
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
            default ->
                Parallel.map(
                        request.appNames(),
                        parallelism,
                        name -> heroku.app(name, stats)
                                .onFailure(e ->
                                        e instanceof HerokuApiException h && (h.status() == 404 || h.status() == 403))
                                .transform(e -> ProblemException.notFound(
                                        "Heroku has no app named '" + name + "' that this token can see")));
        };
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

    /** Runs the reads on a fresh duplicated context, outside the request that started them. */
    private void runInBackground(DiscoveryStarted started, Targets targets, DiscoveryProgress progress) {
        io.opentelemetry.context.Context trace = EventTracing.current();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> {
            // The request's trace and the discovery id follow the reads (both live in this fresh context).
            EventTracing.adopt(trace);
            LogContext.Scope mdc = LogContext.with(LogContext.DISCOVERY_ID, started.discoveryId());
            read(targets, progress)
                    .map(scan -> snapshot(started.discoveryId(), started.requestedBy(), scan))
                    .invoke(() -> progress.enter(DiscoveryProgress.Phase.APPENDING))
                    .flatMap(discovered -> eventLog.append(discovered).replaceWith(discovered))
                    .subscribe()
                    .with(
                            discovered -> {
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
                                            f -> {},
                                            e -> LOG.errorf(
                                                    e,
                                                    "Discovery %s failed and could not record it",
                                                    started.discoveryId())));
        });
    }

    /**
     * Records why a discovery failed, naming the app, request and status; the start is appended
     * with it unless it already was.
     */
    private Uni<DiscoveryFailed> failed(
            DiscoveryStarted started, DiscoveryProgress progress, Throwable failure, boolean startAppended) {
        DiscoveryFailed failed = FailureCause.of(started.discoveryId(), failure, clock.instant());
        LOG.warnf("Discovery %s failed: %s", started.discoveryId(), failed.reason());
        progress.finish(DiscoveryProgress.Phase.FAILED, failed.reason(), failed.failedAt());
        List<dev.ferry.events.FerryEvent> events = startAppended ? List.of(failed) : List.of(started, failed);
        return eventLog.appendAll(events).replaceWith(failed);
    }
}

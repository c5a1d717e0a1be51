package dev.ferry.inventory.drift;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.inventory.config.FerryInventoryConfig;
import dev.ferry.inventory.domain.DiscoveryRequest;
import dev.ferry.inventory.repository.Leases;
import dev.ferry.inventory.service.DiscoveryService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Re-scans the estate on a schedule (and on demand) with the scope of the latest completed
 * discovery, the whole account preferred; {@link DriftDetector} compares the result.
 */
@ApplicationScoped
public class DriftScanner {
    private static final Logger LOG = Logger.getLogger(DriftScanner.class);
    /** The requester of re-scans; their snapshots are compared for drift. */
    public static final String REQUESTER = "ferry-drift";

    /** The lease that lets one instance run each scheduled re-scan. */
    static final String LEASE = "drift-rescan";

    private final DriftRepository repository;
    private final DiscoveryService discoveries;
    private final Leases leases;
    private final Vertx vertx;
    private final String interval;

    public DriftScanner(
            DriftRepository repository,
            DiscoveryService discoveries,
            Leases leases,
            Vertx vertx,
            FerryInventoryConfig config) {
        this.repository = repository;
        this.discoveries = discoveries;
        this.leases = leases;
        this.vertx = vertx;
        this.interval = config.drift().interval().trim();
    }

    /** A re-scan that ran: its discovery and the snapshot it repeated. */
    public record Rescan(String discoveryId, String status, int apps, String scope, String basedOn) {}

    void schedule(@Observes StartupEvent start, Scheduler scheduler) {
        if (interval.equalsIgnoreCase("off") || interval.equalsIgnoreCase("disabled")) {
            LOG.info("Drift re-scans are off (ferry.inventory.drift.interval=off)");
            return;
        }
        scheduler
                .newJob("ferry-drift-rescan")
                .setInterval(interval)
                .setDelayed(interval)
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> ifLeaseTaken())
                .schedule();
        LOG.infof("Drift re-scans every %s", interval);
    }

    /**
     * Several instances tick on the same schedule; the one that takes the lease (for most of an
     * interval, so the next tick anywhere can take it again) runs the re-scan, the others skip it.
     */
    private Uni<Void> ifLeaseTaken() {
        Duration term = term(interval);
        return Uni.createFrom()
                .item(() -> leases.claim(LEASE, Leases.INSTANCE, term).isPresent())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure()
                .invoke(failure -> LOG.warnf("Scheduled drift re-scan skipped: %s", failure.getMessage()))
                .onFailure()
                .recoverWithItem(false)
                .flatMap(taken -> {
                    if (!taken) {
                        LOG.debug("Another inventory instance runs this drift re-scan");
                        return Uni.createFrom().voidItem();
                    }
                    return onFreshContext();
                });
    }

    /** Nine tenths of the interval: long enough to keep other instances out, short enough to free the next tick. */
    static Duration term(String interval) {
        String text = interval.trim().toUpperCase(Locale.ROOT);
        Duration every;
        if (text.startsWith("P")) {
            every = Duration.parse(text);
        } else if (text.endsWith("D")) {
            every = Duration.parse("P" + text);
        } else {
            every = Duration.parse("PT" + text);
        }
        return every.multipliedBy(9).dividedBy(10);
    }

    private Uni<Void> onFreshContext() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom()
                .<Rescan>emitter(emitter ->
                        context.runOnContext(ignored -> rescan().subscribe().with(emitter::complete, emitter::fail)))
                .invoke(r -> LOG.infof("Scheduled drift re-scan %s of %s: %s", r.discoveryId(), r.scope(), r.status()))
                .onFailure()
                .invoke(failure -> LOG.warnf("Scheduled drift re-scan did not run: %s", failure.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Runs a re-scan a person asked for. The discovery is still requested by {@link #REQUESTER} (that
     * marks it for drift detection); who asked is logged.
     */
    public Uni<Rescan> rescan(String askedBy) {
        return rescan().invoke(
                        r -> LOG.infof("Drift re-scan %s of %s asked by %s", r.discoveryId(), r.scope(), askedBy));
    }

    /** Runs a re-scan now; 409 when no discovery has completed yet. */
    public Uni<Rescan> rescan() {
        return Panache.withSession(repository::latestCompleted).flatMap(base -> {
            if (base == null) {
                return Uni.createFrom()
                        .failure(
                                ProblemException.conflict(
                                        "No discovery has completed yet, so there is nothing to re-scan; start one with POST /api/discoveries"));
            }
            DiscoveryRequest request = request(base.scopeKey);
            if (!request.problems().isEmpty()) {
                return Uni.createFrom()
                        .failure(ProblemException.conflict("The latest completed discovery, " + base.discoveryId
                                + ", has the scope key '" + base.scopeKey + "', which names no team to re-scan ("
                                + String.join("; ", request.problems())
                                + "); start a discovery with POST /api/discoveries, or rebuild the projection"));
            }
            return discoveries
                    .discover(request, REQUESTER)
                    .map(outcome -> new Rescan(
                            outcome.discoveryId(), outcome.status(), outcome.apps(), base.scopeKey, base.discoveryId));
        });
    }

    /**
     * The request that repeats a scope key ({@code account}, {@code team:acme} or {@code apps:a,b}); a
     * bare {@code team} gives a request without a team, which {@link DiscoveryRequest#problems()} refuses.
     */
    static DiscoveryRequest request(String scopeKey) {
        int colon = scopeKey.indexOf(':');
        if (colon < 0) {
            return new DiscoveryRequest(scopeKey, List.of());
        }
        String scope = scopeKey.substring(0, colon);
        String rest = scopeKey.substring(colon + 1);
        if (scope.equals(DiscoveryRequest.TEAM)) {
            return new DiscoveryRequest(scope, List.of(), rest);
        }
        return new DiscoveryRequest(scope, Arrays.asList(rest.split(",")));
    }
}

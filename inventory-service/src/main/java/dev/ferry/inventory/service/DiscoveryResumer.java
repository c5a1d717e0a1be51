package dev.ferry.inventory.service;

import dev.ferry.events.inventory.DiscoveryStarted;
import dev.ferry.inventory.config.FerryInventoryConfig;
import dev.ferry.inventory.repository.DiscoveryEntity;
import dev.ferry.inventory.repository.DiscoveryRepository;
import dev.ferry.inventory.repository.Leases;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Finishes discoveries whose instance died: a discovery still running in the projection whose lease
 * nobody renews is taken over by whichever instance claims the lease first, and read again.
 */
@ApplicationScoped
public class DiscoveryResumer {
    private static final Logger LOG = Logger.getLogger(DiscoveryResumer.class);

    private final DiscoveryRepository discoveries;
    private final DiscoveryService service;
    private final Leases leases;
    private final Vertx vertx;
    private final Clock clock;
    private final String every;
    private final Duration leaseTerm;

    public DiscoveryResumer(
            DiscoveryRepository discoveries,
            DiscoveryService service,
            Leases leases,
            Vertx vertx,
            Clock clock,
            FerryInventoryConfig config) {
        this.discoveries = discoveries;
        this.service = service;
        this.leases = leases;
        this.vertx = vertx;
        this.clock = clock;
        this.every = config.discovery().resumeEvery().trim();
        this.leaseTerm = config.discovery().leaseTerm();
    }

    void schedule(@Observes StartupEvent start, Scheduler scheduler) {
        if (every.equalsIgnoreCase("off")) {
            LOG.info("Interrupted discoveries are not resumed (ferry.inventory.discovery.resume-every=off)");
            return;
        }
        scheduler
                .newJob("ferry-discovery-resume")
                .setInterval(every)
                .setDelayed(every)
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setAsyncTask(execution -> onFreshContext())
                .schedule();
    }

    private Uni<Void> onFreshContext() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom()
                .<Integer>emitter(emitter -> context.runOnContext(
                        ignored -> resumeOrphans().subscribe().with(emitter::complete, emitter::fail)))
                .onFailure()
                .invoke(e -> LOG.warnf("Looking for interrupted discoveries failed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Resumes every running discovery that started more than a lease term ago and whose lease this
     * instance could take; answers how many it resumed.
     */
    public Uni<Integer> resumeOrphans() {
        return Panache.withSession(
                        () -> discoveries.runningSince(clock.instant().minus(leaseTerm)))
                .flatMap(running -> Multi.createFrom()
                        .iterable(running)
                        .onItem()
                        .transformToUniAndConcatenate(this::resumeIfOrphaned)
                        .collect()
                        .asList())
                .map(resumed ->
                        (int) resumed.stream().filter(Boolean::booleanValue).count())
                .call(() -> Uni.createFrom()
                        .item(() -> leases.purge("discovery:", Duration.ofDays(1)))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private Uni<Boolean> resumeIfOrphaned(DiscoveryEntity discovery) {
        return Uni.createFrom()
                .item(() -> leases.claim(DiscoveryService.lease(discovery.id), Leases.INSTANCE, leaseTerm))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap((Optional<Integer> takeovers) -> takeovers.isEmpty()
                        ? Uni.createFrom().item(false)
                        : service.resume(started(discovery), Math.max(1, takeovers.get()))
                                .replaceWith(true));
    }

    /** The start event a projected discovery was made from. */
    static DiscoveryStarted started(DiscoveryEntity d) {
        List<String> apps = d.requestedApps == null || d.requestedApps.isBlank()
                ? List.of()
                : Arrays.asList(d.requestedApps.split(","));
        return new DiscoveryStarted(d.id, d.scope, apps, d.requestedBy, d.startedAt, d.team);
    }
}

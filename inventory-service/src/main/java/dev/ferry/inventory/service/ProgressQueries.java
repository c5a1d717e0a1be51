package dev.ferry.inventory.service;

import dev.ferry.common.rest.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a discovery is: the live view while this instance runs it, the projection once it is
 * recorded (or when another instance ran it). The event stream emits a view whenever it changes
 * and ends with the completed or failed one.
 */
@ApplicationScoped
public class ProgressQueries {
    static final Duration TICK = Duration.ofMillis(250);

    private final ProgressRegistry registry;
    private final DiscoveryQueries queries;

    public ProgressQueries(ProgressRegistry registry, DiscoveryQueries queries) {
        this.registry = registry;
        this.queries = queries;
    }

    public Uni<DiscoveryProgress.View> progress(String id) {
        Optional<DiscoveryProgress> live = registry.find(id);
        if (live.isPresent() && !live.get().phase().terminal()) {
            return Uni.createFrom().item(live.get().view());
        }
        return queries.summary(id).map(summary -> {
            if (summary != null && !"running".equals(summary.status())) {
                return fromProjection(summary, live);
            }
            if (live.isPresent()) {
                return live.get().view();
            }
            if (summary != null) {
                return fromProjection(summary, live);
            }
            throw ProblemException.notFound("No discovery with id " + id);
        });
    }

    /**
     * One view per change (checked every {@link #TICK}) while this instance runs the discovery, then
     * the final one; a discovery that already ended, or runs elsewhere, gives its one current view.
     */
    public Multi<DiscoveryProgress.View> events(String id) {
        return progress(id).toMulti().flatMap(first -> {
            Optional<DiscoveryProgress> live = registry.find(id);
            if (first.terminal() || live.isEmpty()) {
                return Multi.createFrom().item(first);
            }
            DiscoveryProgress running = live.get();
            Multi<DiscoveryProgress.View> changes = Multi.createFrom()
                    .ticks()
                    .every(TICK)
                    .map(tick -> running.view())
                    .select()
                    .first(view -> !view.terminal())
                    .skip()
                    .repetitions();
            return Multi.createBy()
                    .concatenating()
                    .streams(
                            Multi.createFrom().item(first),
                            changes.select().where(view -> !view.equals(first)),
                            Multi.createFrom().item(running::view));
        });
    }

    private static DiscoveryProgress.View fromProjection(
            DiscoveryQueries.DiscoverySummary d, Optional<DiscoveryProgress> live) {
        var stats = live.map(DiscoveryProgress::view);
        int apps = d.appCount();
        return new DiscoveryProgress.View(
                d.id(),
                d.status(),
                stats.map(DiscoveryProgress.View::appsTotal).orElse(apps),
                stats.map(DiscoveryProgress.View::appsDone).orElse(apps),
                stats.map(DiscoveryProgress.View::appsFailed).orElse(0),
                stats.map(DiscoveryProgress.View::calls).orElse(0L),
                stats.map(DiscoveryProgress.View::notModified).orElse(0L),
                stats.map(DiscoveryProgress.View::rateLimited).orElse(0L),
                stats.map(DiscoveryProgress.View::retries).orElse(0L),
                d.failureReason(),
                d.startedAt(),
                d.finishedAt(),
                "projection");
    }
}

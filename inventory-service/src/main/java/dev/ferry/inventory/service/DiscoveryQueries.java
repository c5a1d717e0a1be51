package dev.ferry.inventory.service;

import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.common.rest.ProblemException;
import dev.ferry.inventory.domain.AppView;
import dev.ferry.inventory.domain.EstateView;
import dev.ferry.inventory.repository.DiscoveredAppEntity;
import dev.ferry.inventory.repository.DiscoveredAppRepository;
import dev.ferry.inventory.repository.DiscoveredEstateRepository;
import dev.ferry.inventory.repository.DiscoveryEntity;
import dev.ferry.inventory.repository.DiscoveryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Answers questions about discoveries from the projection alone. */
@ApplicationScoped
public class DiscoveryQueries {
    private final DiscoveryRepository discoveries;
    private final DiscoveredAppRepository apps;
    private final DiscoveredEstateRepository estates;

    public DiscoveryQueries(
            DiscoveryRepository discoveries, DiscoveredAppRepository apps, DiscoveredEstateRepository estates) {
        this.discoveries = discoveries;
        this.apps = apps;
        this.estates = estates;
    }

    /** A discovery without its apps. */
    public record DiscoverySummary(
            String id,
            String scope,
            List<String> requestedApps,
            String requestedBy,
            String status,
            String accountEmail,
            int appCount,
            String failureReason,
            Instant startedAt,
            Instant finishedAt,
            String team,
            Failure failure) {

        /** What stopped a failed discovery. */
        public record Failure(String app, String endpoint, Integer status) {}

        static DiscoverySummary of(DiscoveryEntity d) {
            List<String> requested = d.requestedApps == null || d.requestedApps.isEmpty()
                    ? List.of()
                    : Arrays.asList(d.requestedApps.split(","));
            return new DiscoverySummary(
                    d.id,
                    d.scope,
                    requested,
                    d.requestedBy,
                    d.status,
                    d.accountEmail,
                    d.appCount,
                    d.failureReason,
                    d.startedAt,
                    d.finishedAt,
                    d.team,
                    "failed".equals(d.status) ? new Failure(d.failureApp, d.failureEndpoint, d.failureStatus) : null);
        }
    }

    /** A discovery with the apps it found. */
    public record DiscoveryDetail(DiscoverySummary discovery, List<AppView> apps) {}

    @WithSession
    public Uni<List<DiscoverySummary>> list() {
        return discoveries
                .newestFirst()
                .map(list -> list.stream().map(DiscoverySummary::of).toList());
    }

    @WithSession
    public Uni<DiscoveryDetail> get(String id) {
        return discoveries
                .findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No discovery with id " + id))
                .flatMap(d -> apps.ofDiscovery(id)
                        .map(found -> new DiscoveryDetail(
                                DiscoverySummary.of(d),
                                found.stream().map(DiscoveryQueries::view).toList())));
    }

    /** The discovery as the projection knows it, or null. */
    @WithSession
    public Uni<DiscoverySummary> summary(String id) {
        return discoveries.findById(id).map(d -> d == null ? null : DiscoverySummary.of(d));
    }

    @WithSession
    public Uni<AppView> app(String id, String name) {
        return apps.find(id, name)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Discovery " + id + " found no app named " + name))
                .map(DiscoveryQueries::view);
    }

    /**
     * A completed discovery's teams, Private Spaces, pipelines and dyno sizes; 404 for an unknown
     * discovery, 409 for one without a snapshot (running or failed) or projected before estates were kept.
     */
    @WithSession
    public Uni<EstateView> estate(String id) {
        return discoveries
                .findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No discovery with id " + id))
                .flatMap(d -> estates.findById(id).map(e -> {
                    if (e != null) {
                        return ProjectionJson.read(e.viewJson, EstateView.class);
                    }
                    if (!"completed".equals(d.status)) {
                        throw ProblemException.conflict("Discovery " + id + " is " + d.status
                                + ": only a completed discovery has an estate (GET /api/discoveries/" + id
                                + " says why)");
                    }
                    throw ProblemException.conflict("Discovery " + id + " was projected before estates were kept;"
                            + " an admin can rebuild the projection with POST /api/admin/projection/rebuild");
                }));
    }

    private static AppView view(DiscoveredAppEntity entity) {
        return ProjectionJson.read(entity.viewJson, AppView.class);
    }
}

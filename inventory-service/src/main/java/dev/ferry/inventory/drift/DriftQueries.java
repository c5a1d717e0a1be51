package dev.ferry.inventory.drift;

import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.inventory.EstateDrifted;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Answers questions about drift from the drift projection: names only, never secret values. */
@ApplicationScoped
public class DriftQueries {
    private final DriftRepository repository;

    public DriftQueries(DriftRepository repository) {
        this.repository = repository;
    }

    /** One recorded drift. */
    public record DriftView(
            String eventId,
            String discoveryId,
            String previousDiscoveryId,
            Instant detectedAt,
            List<String> addedApps,
            List<String> removedApps,
            List<EstateDrifted.Change> changes) {}

    /** The differences of snapshot {@code discoveryId} from snapshot {@code against}. */
    public record SnapshotDiff(
            String discoveryId,
            String against,
            List<String> addedApps,
            List<String> removedApps,
            List<EstateDrifted.Change> changes) {}

    @WithSession
    public Uni<List<DriftView>> drifts() {
        return repository
                .driftsNewestFirst()
                .map(list -> list.stream()
                        .map(d -> {
                            EstateDiff.Drift drift = ProjectionJson.read(d.driftJson, EstateDiff.Drift.class);
                            return new DriftView(
                                    d.eventId,
                                    d.discoveryId,
                                    d.previousDiscoveryId,
                                    d.detectedAt,
                                    drift.addedApps(),
                                    drift.removedApps(),
                                    drift.changes());
                        })
                        .toList());
    }

    /** What changed from {@code against} to {@code id}; 400 for a missing or equal id, 404 for an unknown one. */
    @WithSession
    public Uni<SnapshotDiff> diff(String id, String against) {
        if (against == null || against.isBlank()) {
            return Uni.createFrom()
                    .failure(ProblemException.badRequest("Name the snapshot to compare with: /api/discoveries/" + id
                            + "/diff?against=<discoveryId>"));
        }
        if (against.equals(id)) {
            return Uni.createFrom()
                    .failure(ProblemException.badRequest("A snapshot compared with itself has no differences; "
                            + "'against' must name another discovery"));
        }
        return completed(id)
                .flatMap(after -> completed(against).map(before -> {
                    EstateDiff.Drift drift =
                            EstateDiff.between(DriftProjection.apps(before), DriftProjection.apps(after));
                    return new SnapshotDiff(id, against, drift.addedApps(), drift.removedApps(), drift.changes());
                }));
    }

    private Uni<DriftSnapshotEntity> completed(String id) {
        return repository.snapshot(id).map(s -> {
            if (s == null || s.appsJson == null) {
                throw ProblemException.notFound("No completed discovery with id " + id
                        + " (unknown, still running, or failed); GET /api/discoveries lists them");
            }
            return s;
        });
    }
}

package dev.ferry.inventory.drift;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Reads and writes the drift projection's two tables. */
@ApplicationScoped
public class DriftRepository {

    public Uni<DriftSnapshotEntity> snapshot(String discoveryId) {
        return DriftSnapshotEntity.findById(discoveryId);
    }

    /** The latest completed snapshot of a scope taken before {@code before}, or null. */
    public Uni<DriftSnapshotEntity> previous(String scopeKey, Instant before, String exceptId) {
        return DriftSnapshotEntity.<DriftSnapshotEntity>find(
                        "scopeKey = ?1 and appsJson is not null and discoveredAt < ?2 and discoveryId <> ?3",
                        Sort.descending("discoveredAt"),
                        scopeKey,
                        before,
                        exceptId)
                .firstResult();
    }

    /** The latest completed snapshot of the whole account, else of any scope; null when none. */
    public Uni<DriftSnapshotEntity> latestCompleted() {
        return DriftSnapshotEntity.<DriftSnapshotEntity>find(
                        "scopeKey = 'account' and appsJson is not null", Sort.descending("discoveredAt"))
                .firstResult()
                .flatMap(account -> account != null
                        ? Uni.createFrom().item(account)
                        : DriftSnapshotEntity.<DriftSnapshotEntity>find(
                                        "appsJson is not null", Sort.descending("discoveredAt"))
                                .firstResult());
    }

    public Uni<DriftEventEntity> driftOf(String discoveryId) {
        return DriftEventEntity.find("discoveryId", discoveryId).firstResult();
    }

    public Uni<List<DriftEventEntity>> driftsNewestFirst() {
        return DriftEventEntity.listAll(Sort.descending("detectedAt"));
    }

    public Uni<Void> deleteAll() {
        return DriftEventEntity.deleteAll()
                .flatMap(n -> DriftSnapshotEntity.deleteAll())
                .replaceWithVoid();
    }

    public Uni<Void> persist(PanacheEntityBase entity) {
        return entity.persist().replaceWithVoid();
    }
}

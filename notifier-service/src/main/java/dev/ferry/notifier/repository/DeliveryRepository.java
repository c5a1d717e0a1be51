package dev.ferry.notifier.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads and writes the deliveries projection. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<DeliveryEntity, String> {
    private static final Sort NEWEST_FIRST = Sort.descending("finishedAt").and("deliveryId", Sort.Direction.Descending);

    public Uni<List<DeliveryEntity>> newestFirst() {
        return listAll(NEWEST_FIRST);
    }

    public Uni<List<DeliveryEntity>> ofMigration(String migrationId) {
        return list("migrationId", NEWEST_FIRST, migrationId);
    }
}

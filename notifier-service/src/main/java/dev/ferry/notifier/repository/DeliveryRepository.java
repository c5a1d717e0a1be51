package dev.ferry.notifier.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes the deliveries projection. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<DeliveryEntity, String> {
    private static final Sort NEWEST_FIRST = Sort.descending("finishedAt").and("deliveryId", Sort.Direction.Descending);

    /** Deliveries matching every given filter (null filters are ignored), newest first. */
    public Uni<List<DeliveryEntity>> matching(String migrationId, String subscriptionId, String status) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (migrationId != null) {
            where.add("migrationId = :migrationId");
            params = params.and("migrationId", migrationId);
        }
        if (subscriptionId != null) {
            where.add("subscriptionId = :subscriptionId");
            params = params.and("subscriptionId", subscriptionId);
        }
        if (status != null) {
            where.add("status = :status");
            params = params.and("status", status);
        }
        return where.isEmpty() ? listAll(NEWEST_FIRST) : list(String.join(" and ", where), NEWEST_FIRST, params);
    }
}

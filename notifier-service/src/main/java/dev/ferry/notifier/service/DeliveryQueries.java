package dev.ferry.notifier.service;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.notifier.domain.DeliveryView;
import dev.ferry.notifier.repository.DeliveryEntity;
import dev.ferry.notifier.repository.DeliveryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Answers questions about deliveries from the projection alone. */
@ApplicationScoped
public class DeliveryQueries {
    private final DeliveryRepository deliveries;

    public DeliveryQueries(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** Every delivery, or those about one migration, newest first. */
    @WithSession
    public Uni<List<DeliveryView>> list(String migrationId) {
        Uni<List<DeliveryEntity>> found = migrationId == null || migrationId.isBlank()
                ? deliveries.newestFirst()
                : deliveries.ofMigration(migrationId);
        return found.map(list -> list.stream().map(DeliveryQueries::view).toList());
    }

    @WithSession
    public Uni<DeliveryView> get(String deliveryId) {
        return deliveries
                .findById(deliveryId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No delivery with id " + deliveryId))
                .map(DeliveryQueries::view);
    }

    private static DeliveryView view(DeliveryEntity e) {
        return new DeliveryView(
                e.deliveryId,
                e.status,
                e.sourceEventId,
                e.sourceEventType,
                e.migrationId,
                e.channel,
                e.text,
                e.error,
                e.attempts,
                e.finishedAt);
    }
}

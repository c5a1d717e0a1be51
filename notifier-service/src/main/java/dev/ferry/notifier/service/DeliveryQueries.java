package dev.ferry.notifier.service;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.notifier.domain.DeliveryView;
import dev.ferry.notifier.repository.DeliveryEntity;
import dev.ferry.notifier.repository.DeliveryRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** Answers questions about deliveries from the projection alone. */
@ApplicationScoped
public class DeliveryQueries {
    private static final Set<String> STATUSES = Set.of("delivered", "parked");

    private final DeliveryRepository deliveries;

    public DeliveryQueries(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** Deliveries, newest first, narrowed by migration, subscription and status when given. */
    @WithSession
    public Uni<List<DeliveryView>> list(String migrationId, String subscriptionId, String status) {
        if (blank(status) != null && !STATUSES.contains(status)) {
            return Uni.createFrom().failure(ProblemException.badRequest("status must be one of delivered, parked"));
        }
        return deliveries
                .matching(blank(migrationId), blank(subscriptionId), blank(status))
                .map(list -> list.stream().map(DeliveryQueries::view).toList());
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

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
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
                e.finishedAt,
                e.subscriptionId,
                e.messageTs,
                e.threadTs);
    }
}

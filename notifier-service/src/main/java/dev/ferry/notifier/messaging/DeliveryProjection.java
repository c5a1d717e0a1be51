package dev.ferry.notifier.messaging;

import dev.ferry.common.projection.Projection;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.notification.NotificationDelivered;
import dev.ferry.events.notification.NotificationFailed;
import dev.ferry.notifier.repository.DeliveryEntity;
import dev.ferry.notifier.repository.DeliveryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the deliveries read model from ferry.notifications alone; the claim ledger is not part of
 * it.
 */
@ApplicationScoped
public class DeliveryProjection implements Projection {
    private final DeliveryRepository deliveries;

    public DeliveryProjection(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.NOTIFICATIONS);
    }

    @Override
    public Uni<Void> apply(CloudEvent event) {
        if (event.data() instanceof NotificationDelivered d) {
            return upsert(d.deliveryId(), e -> {
                e.status = "delivered";
                e.sourceEventId = d.sourceEventId();
                e.sourceEventType = d.sourceEventType();
                e.migrationId = d.migrationId();
                e.channel = d.channel();
                e.text = d.text();
                e.error = null;
                e.attempts = d.attempts();
                e.finishedAt = d.deliveredAt();
            });
        } else if (event.data() instanceof NotificationFailed f) {
            return upsert(f.deliveryId(), e -> {
                e.status = "failed";
                e.sourceEventId = f.sourceEventId();
                e.sourceEventType = f.sourceEventType();
                e.migrationId = f.migrationId();
                e.channel = f.channel();
                e.text = null;
                e.error = f.error();
                e.attempts = f.attempts();
                e.finishedAt = f.failedAt();
            });
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> reset() {
        return deliveries.deleteAll().replaceWithVoid();
    }

    private Uni<Void> upsert(String deliveryId, Consumer<DeliveryEntity> change) {
        return deliveries.findById(deliveryId).flatMap(found -> {
            DeliveryEntity entity = found == null ? new DeliveryEntity() : found;
            entity.deliveryId = deliveryId;
            change.accept(entity);
            return found == null
                    ? deliveries.persist(entity).replaceWithVoid()
                    : Uni.createFrom().voidItem();
        });
    }
}

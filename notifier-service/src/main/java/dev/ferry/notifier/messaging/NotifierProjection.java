package dev.ferry.notifier.messaging;

import dev.ferry.common.projection.Projection;
import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.notification.NotificationDelivered;
import dev.ferry.events.notification.NotificationFailed;
import dev.ferry.events.notification.SlackUserMapped;
import dev.ferry.events.notification.SlackUserUnmapped;
import dev.ferry.events.notification.SubscriptionDeleted;
import dev.ferry.events.notification.SubscriptionSaved;
import dev.ferry.notifier.repository.DeliveryEntity;
import dev.ferry.notifier.repository.DeliveryRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the notifier's read models from ferry.notifications alone: deliveries (the history),
 * subscriptions and Slack users. The claim, thread and interaction ledgers are not part of it.
 */
@ApplicationScoped
public class NotifierProjection implements Projection {
    private final DeliveryRepository deliveries;

    public NotifierProjection(DeliveryRepository deliveries) {
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
                e.subscriptionId = d.subscriptionId();
                e.messageTs = d.messageTs();
                e.threadTs = d.threadTs();
            });
        } else if (event.data() instanceof NotificationFailed f) {
            return upsert(f.deliveryId(), e -> {
                e.status = "parked";
                e.sourceEventId = f.sourceEventId();
                e.sourceEventType = f.sourceEventType();
                e.migrationId = f.migrationId();
                e.channel = f.channel();
                e.text = null;
                e.error = f.error();
                e.attempts = f.attempts();
                e.finishedAt = f.failedAt();
                e.subscriptionId = f.subscriptionId();
            });
        } else if (event.data() instanceof SubscriptionSaved s) {
            return sql(
                    "insert into subscription (subscription_id, body, saved_at) values (?1, ?2, ?3) on conflict"
                            + " (subscription_id) do update set body = excluded.body, saved_at = excluded.saved_at",
                    s.subscriptionId(),
                    ProjectionJson.write(s),
                    s.savedAt());
        } else if (event.data() instanceof SubscriptionDeleted s) {
            return sql("delete from subscription where subscription_id = ?1", s.subscriptionId());
        } else if (event.data() instanceof SlackUserMapped u) {
            return sql(
                    "insert into slack_user (slack_user_id, identity, roles, mapped_at) values (?1, ?2, ?3, ?4)"
                            + " on conflict (slack_user_id) do update set identity = excluded.identity,"
                            + " roles = excluded.roles, mapped_at = excluded.mapped_at",
                    u.slackUserId(),
                    u.identity(),
                    String.join(",", u.roles()),
                    u.at());
        } else if (event.data() instanceof SlackUserUnmapped u) {
            return sql("delete from slack_user where slack_user_id = ?1", u.slackUserId());
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> reset() {
        return deliveries
                .deleteAll()
                .flatMap(n -> sql("delete from subscription"))
                .flatMap(v -> sql("delete from slack_user"));
    }

    private static Uni<Void> sql(String statement, Object... params) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate().replaceWithVoid();
        });
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

package dev.ferry.events.notification;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/**
 * A message about an event reached its channel.
 *
 * @param channel the subscription's channel name, never its webhook URL
 * @param subscriptionId the subscription it was sent for; null for deliveries before subscriptions
 * @param messageTs Slack's ts of the posted message (bot targets), null for incoming webhooks
 * @param threadTs the parent message's ts when posted in a migration's thread, else null
 */
@EventType(name = "ferry.notification.delivered")
public record NotificationDelivered(
        String deliveryId,
        String sourceEventId,
        String sourceEventType,
        @Nullable String migrationId,
        String channel,
        String text,
        int attempts,
        Instant deliveredAt,
        @Nullable String subscriptionId,
        @Nullable String messageTs,
        @Nullable String threadTs)
        implements DeliveryEvent {

    /** The v1 shape, before subscriptions and threads. */
    public NotificationDelivered(
            String deliveryId,
            String sourceEventId,
            String sourceEventType,
            String migrationId,
            String channel,
            String text,
            int attempts,
            Instant deliveredAt) {
        this(
                deliveryId,
                sourceEventId,
                sourceEventType,
                migrationId,
                channel,
                text,
                attempts,
                deliveredAt,
                null,
                null,
                null);
    }
}

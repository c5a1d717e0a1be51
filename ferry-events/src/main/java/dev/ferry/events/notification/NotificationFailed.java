package dev.ferry.events.notification;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/**
 * A message could not be delivered after its last attempt; it is parked for a person to look at.
 *
 * @param subscriptionId the subscription it was meant for; null for deliveries before subscriptions
 */
@EventType(name = "ferry.notification.failed")
public record NotificationFailed(
        String deliveryId,
        String sourceEventId,
        String sourceEventType,
        @Nullable String migrationId,
        String channel,
        String error,
        int attempts,
        Instant failedAt,
        @Nullable String subscriptionId)
        implements DeliveryEvent {

    /** The v1 shape, before subscriptions. */
    public NotificationFailed(
            String deliveryId,
            String sourceEventId,
            String sourceEventType,
            String migrationId,
            String channel,
            String error,
            int attempts,
            Instant failedAt) {
        this(deliveryId, sourceEventId, sourceEventType, migrationId, channel, error, attempts, failedAt, null);
    }
}

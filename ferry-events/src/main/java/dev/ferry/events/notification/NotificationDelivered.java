package dev.ferry.events.notification;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/**
 * A message about an event reached its channel.
 *
 * @param channel the subscription's channel name, never its webhook URL
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
        Instant deliveredAt)
        implements NotificationEvent {}

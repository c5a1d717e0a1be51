package dev.ferry.notifier.domain;

import java.time.Instant;

/**
 * One delivery as the API shows it.
 *
 * @param status {@code delivered} or {@code failed}
 * @param channel the channel name, never the webhook URL
 * @param text the message text sent (delivered only)
 * @param error why it could not be sent (failed only)
 * @param finishedAt when it was delivered, or when the last attempt failed
 */
public record DeliveryView(
        String deliveryId,
        String status,
        String sourceEventId,
        String sourceEventType,
        String migrationId,
        String channel,
        String text,
        String error,
        int attempts,
        Instant finishedAt) {}

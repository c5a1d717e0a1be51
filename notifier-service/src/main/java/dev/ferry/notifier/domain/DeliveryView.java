package dev.ferry.notifier.domain;

import java.time.Instant;

/**
 * One delivery as the API shows it.
 *
 * @param status {@code delivered} or {@code parked} (every attempt failed; a person should look)
 * @param channel the channel name, never the webhook URL
 * @param text the message text sent (delivered only)
 * @param error why it could not be sent (parked only)
 * @param finishedAt when it was delivered, or when the last attempt failed
 * @param subscriptionId the subscription it was for
 * @param messageTs Slack's ts of the message (bot targets)
 * @param threadTs the migration thread it was posted in (bot targets)
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
        Instant finishedAt,
        String subscriptionId,
        String messageTs,
        String threadTs) {}

package dev.ferry.notifier.domain;

/**
 * One claimed message on its way to one subscription: everything needed to post it, including
 * after a restart (the message is kept as the JSON that will be sent).
 */
public record Delivery(
        String deliveryId,
        String subscriptionId,
        String lane,
        String sourceEventId,
        String sourceEventType,
        String kind,
        String migrationId,
        String text,
        String messageJson) {}

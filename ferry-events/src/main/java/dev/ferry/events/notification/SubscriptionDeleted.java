package dev.ferry.events.notification;

import dev.ferry.events.EventType;
import java.time.Instant;

/** A subscription was removed; nothing more is sent to it. */
@EventType(name = "ferry.notification.subscription-deleted")
public record SubscriptionDeleted(String subscriptionId, String deletedBy, Instant deletedAt)
        implements SubscriptionEvent {}

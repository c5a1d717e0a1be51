package dev.ferry.events.notification;

import dev.ferry.events.FerryEvent;

/**
 * Facts about messages sent to people; the aggregate is one delivery of one event to one channel.
 */
public sealed interface NotificationEvent extends FerryEvent permits NotificationDelivered, NotificationFailed {

    String deliveryId();

    @Override
    default String subject() {
        return deliveryId();
    }
}

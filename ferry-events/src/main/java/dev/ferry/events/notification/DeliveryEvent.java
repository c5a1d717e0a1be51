package dev.ferry.events.notification;

/** The outcome of one delivery of one event to one subscription; the aggregate is the delivery. */
public sealed interface DeliveryEvent extends NotificationEvent permits NotificationDelivered, NotificationFailed {

    String deliveryId();

    @Override
    default String subject() {
        return deliveryId();
    }
}

package dev.ferry.events.notification;

/** Who hears about what: the aggregate is one subscription. */
public sealed interface SubscriptionEvent extends NotificationEvent permits SubscriptionSaved, SubscriptionDeleted {

    String subscriptionId();

    @Override
    default String subject() {
        return "subscription:" + subscriptionId();
    }
}

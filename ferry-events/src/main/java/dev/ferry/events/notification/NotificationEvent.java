package dev.ferry.events.notification;

import dev.ferry.events.FerryEvent;

/**
 * Facts the notifier records on ferry.notifications: deliveries of messages, and the
 * subscriptions and Slack user mappings that decide who hears what and who may act from Slack.
 */
public sealed interface NotificationEvent extends FerryEvent permits DeliveryEvent, SubscriptionEvent, SlackUserEvent {}

package dev.ferry.notifier.domain;

/**
 * What to tell people about one event, before it is sent.
 *
 * @param migrationId the migration the event is about, or null (plan events)
 */
public record Notification(String sourceEventId, String sourceEventType, String migrationId, SlackMessage message) {}

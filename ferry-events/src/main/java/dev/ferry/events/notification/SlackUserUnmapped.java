package dev.ferry.events.notification;

import dev.ferry.events.EventType;
import java.time.Instant;

/** A Slack user is no longer known to Ferry; their buttons are refused. */
@EventType(name = "ferry.notification.slack-user-unmapped")
public record SlackUserUnmapped(String slackUserId, String unmappedBy, Instant at) implements SlackUserEvent {}

package dev.ferry.events.notification;

import dev.ferry.events.EventType;
import java.time.Instant;
import java.util.List;

/**
 * A Slack user is known to Ferry as an identity with roles, e.g. {@code approver}, {@code operator}.
 */
@EventType(name = "ferry.notification.slack-user-mapped")
public record SlackUserMapped(String slackUserId, String identity, List<String> roles, String mappedBy, Instant at)
        implements SlackUserEvent {}

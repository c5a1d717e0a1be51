package dev.ferry.events.notification;

/** Which Slack users are known to Ferry and may act from Slack: the aggregate is one Slack user. */
public sealed interface SlackUserEvent extends NotificationEvent permits SlackUserMapped, SlackUserUnmapped {

    String slackUserId();

    @Override
    default String subject() {
        return "slack-user:" + slackUserId();
    }
}

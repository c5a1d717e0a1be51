package dev.ferry.notifier;

/** The real infrastructure every notifier test runs against. */
public final class NotifierTestResources {
    public static final String DATABASE = "ferry_notifier";
    public static final String SLACK_MODULE = "simulators/slack-receiver";
    /** Receives the slack-receiver's base URL; the test profile builds the webhook URL from it. */
    public static final String SLACK_URL_PROPERTY = "slack-receiver.url";
    /** The fake secret part of the test webhook URL; it must never leave the notifier. */
    public static final String WEBHOOK_SECRET = "fake-webhook-secret-0000";

    public static final String CHANNEL = "#ferry-migrations";

    private NotifierTestResources() {}
}

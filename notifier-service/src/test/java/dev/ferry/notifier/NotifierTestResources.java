package dev.ferry.notifier;

/** The real infrastructure every notifier test runs against, and the fake secrets it is configured with. */
public final class NotifierTestResources {
    public static final String DATABASE = "ferry_notifier";
    public static final String SLACK_MODULE = "simulators/slack-receiver";
    /** Receives the slack-receiver's base URL; the test profile builds the webhook URL from it. */
    public static final String SLACK_URL_PROPERTY = "slack-receiver.url";
    /** The fake secret part of the test webhook URL; it must never leave the notifier. */
    public static final String WEBHOOK_SECRET = "fake-webhook-secret-0000";
    /** The default webhook's path on the receiver. */
    public static final String WEBHOOK_PATH = "/services/T0FERRYTEST/B0FERRYTEST/" + WEBHOOK_SECRET;
    /** The configured signing secret (application.properties, test profile). */
    public static final String SIGNING_SECRET = "fake-signing-secret-for-tests-0000";
    /** A bot token the receiver accepts. */
    public static final String BOT_TOKEN = "xoxb-fake-ferry-demo";

    public static final String CHANNEL = "#ferry-migrations";

    private NotifierTestResources() {}
}

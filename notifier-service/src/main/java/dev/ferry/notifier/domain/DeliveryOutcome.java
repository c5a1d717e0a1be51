package dev.ferry.notifier.domain;

/**
 * How posting one message ended, after every attempt it was given.
 *
 * @param error why the last attempt failed, without any URL or token; null when delivered
 * @param channelId the channel id Slack answered (bot targets), else null
 * @param ts the posted message's ts (bot targets), else null
 * @param threadTs the thread it was posted in, else null
 */
public record DeliveryOutcome(
        boolean delivered, int attempts, String error, String channelId, String ts, String threadTs) {

    public static DeliveryOutcome delivered(int attempts, String channelId, String ts, String threadTs) {
        return new DeliveryOutcome(true, attempts, null, channelId, ts, threadTs);
    }

    public static DeliveryOutcome failed(int attempts, String error) {
        return new DeliveryOutcome(false, attempts, error, null, null, null);
    }
}

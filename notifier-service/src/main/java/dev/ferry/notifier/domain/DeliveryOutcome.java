package dev.ferry.notifier.domain;

/**
 * How posting one message ended, after every attempt it was given.
 *
 * @param error why the last attempt failed, without the webhook URL; null when delivered
 */
public record DeliveryOutcome(boolean delivered, int attempts, String error) {

    public static DeliveryOutcome delivered(int attempts) {
        return new DeliveryOutcome(true, attempts, null);
    }

    public static DeliveryOutcome failed(int attempts, String error) {
        return new DeliveryOutcome(false, attempts, error);
    }
}

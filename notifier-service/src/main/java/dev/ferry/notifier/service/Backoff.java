package dev.ferry.notifier.service;

import java.time.Duration;

/**
 * How long to wait before the next attempt: what Slack asked for on a 429, else an exponential
 * backoff; never more than the cap.
 */
public record Backoff(Duration initial, Duration max) {

    /**
     * The wait after failed attempt number {@code attempt} (1-based).
     *
     * @param retryAfter Slack's Retry-After, or null
     */
    public Duration after(int attempt, Duration retryAfter) {
        Duration wait = retryAfter != null ? retryAfter : initial.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}

package dev.ferry.notifier.client;

import java.time.Duration;

/**
 * Slack refused a post; keeps the status, Slack's error word and any Retry-After, never the URL.
 */
public class SlackException extends RuntimeException {
    private final int status;
    private final transient Duration retryAfter;

    public SlackException(int status, String word, Duration retryAfter) {
        super("Slack answered " + status + (word == null || word.isBlank() ? "" : " " + word));
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** How long Slack asked us to wait, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Rate limits, timeouts and server errors pass; other refusals will not change on a retry. */
    public boolean retryable() {
        return status == 429 || status == 408 || status >= 500;
    }
}

package dev.ferry.notifier.client;

import java.time.Duration;
import java.util.Set;

/**
 * Slack refused a call; keeps the status, Slack's error word and any Retry-After, never the URL or
 * the token.
 */
public class SlackException extends RuntimeException {
    /** Web API error words that a later attempt may not get. */
    private static final Set<String> TRANSIENT = Set.of(
            "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

    private final int status;
    private final String word;
    private final transient Duration retryAfter;

    public SlackException(int status, String word, Duration retryAfter) {
        super("Slack answered " + status + (word == null || word.isBlank() ? "" : " " + word));
        this.status = status;
        this.word = word;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String word() {
        return word;
    }

    /** How long Slack asked us to wait, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Rate limits, timeouts and server errors pass; other refusals will not change on a retry. */
    public boolean retryable() {
        return status == 429 || status == 408 || status >= 500 || (word != null && TRANSIENT.contains(word));
    }
}

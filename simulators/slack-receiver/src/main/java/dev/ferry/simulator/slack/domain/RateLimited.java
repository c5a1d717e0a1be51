package dev.ferry.simulator.slack.domain;

/** A channel is over its per-second limit: answered 429 with {@code Retry-After}. */
public class RateLimited extends SlackError {
    public static final int RETRY_AFTER_SECONDS = 1;

    public RateLimited(String channel) {
        super("ratelimited", "channel " + channel + " is over its per-second limit");
    }
}

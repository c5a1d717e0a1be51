package dev.ferry.executor.domain;

import dev.ferry.events.plan.RetryPolicy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with full jitter: a uniformly random delay up to the capped exponential bound. */
public final class RetryDelay {
    private RetryDelay() {}

    /**
     * The delay before the next attempt.
     *
     * @param attemptsMade attempts made since the retry budget was last reset, from 1
     */
    public static Duration fullJitter(RetryPolicy policy, int attemptsMade, RandomGenerator random) {
        int exponent = Math.min(Math.max(attemptsMade - 1, 0), 30);
        long bound = Math.min(policy.maxBackoffMs(), policy.initialBackoffMs() << exponent);
        return Duration.ofMillis(bound <= 0 ? 0 : random.nextLong(bound + 1));
    }
}

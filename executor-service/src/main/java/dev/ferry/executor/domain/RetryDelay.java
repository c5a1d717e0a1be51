package dev.ferry.executor.domain;

import dev.ferry.events.plan.RetryPolicy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with full jitter: a uniformly random delay up to the capped exponential bound. */
public final class RetryDelay {
    private RetryDelay() {}

    /**
     * The delay before the next attempt: uniform from zero to {@code initialBackoffMs * 2^(attemptsMade - 1)},
     * never above {@code maxBackoffMs}.
     *
     * @param attemptsMade attempts made since the retry budget was last reset, from 1
     */
    public static Duration fullJitter(RetryPolicy policy, int attemptsMade, RandomGenerator random) {
        int exponent = Math.min(Math.max(attemptsMade - 1, 0), 62);
        long initial = Math.max(policy.initialBackoffMs(), 0);
        long cap = Math.max(policy.maxBackoffMs(), 0);
        // saturates at the cap instead of overflowing when the shift would pass it
        long bound = initial > (cap >> exponent) ? cap : initial << exponent;
        if (bound <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(bound == Long.MAX_VALUE ? random.nextLong(bound) : random.nextLong(bound + 1));
    }
}

package dev.ferry.simulator.heroku.service;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** One account's pool of request tokens, refilled continuously up to its capacity. */
public final class TokenBucket {

    private static final double NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final int capacity;
    private final double refillPerNano;
    private final InstantSource clock;
    private double tokens;
    private Instant lastRefill;

    public TokenBucket(int capacity, double refillPerMinute, InstantSource clock) {
        if (capacity < 0 || refillPerMinute < 0) {
            throw new IllegalArgumentException("capacity and refill must not be negative");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerMinute / NANOS_PER_MINUTE;
        this.clock = clock;
        this.tokens = capacity;
        this.lastRefill = clock.instant();
    }

    /**
     * Takes one token if there is one.
     *
     * @return the whole tokens left after taking one, or -1 when the bucket was empty
     */
    public synchronized int tryTake() {
        refill();
        if (tokens < 1) {
            return -1;
        }
        tokens -= 1;
        return (int) Math.floor(tokens);
    }

    /** Whole tokens available now, without taking any. */
    public synchronized int remaining() {
        refill();
        return (int) Math.floor(tokens);
    }

    private void refill() {
        Instant now = clock.instant();
        long elapsed = Duration.between(lastRefill, now).toNanos();
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
            lastRefill = now;
        }
    }
}

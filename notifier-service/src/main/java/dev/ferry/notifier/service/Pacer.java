package dev.ferry.notifier.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps one channel at Slack's pace: at least {@code interval} between two posts, and nothing
 * before a 429's Retry-After has passed. One pacer per channel; used by that channel's lane only.
 */
public class Pacer {
    /** Waits; a seam so tests need not sleep. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant next = Instant.EPOCH;
    private long waits;

    public Pacer(Duration interval, Clock clock, Sleeper sleeper) {
        this.interval = interval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Blocks until this channel may be posted to. */
    public void awaitTurn() throws InterruptedException {
        Duration wait = Duration.between(clock.instant(), next);
        if (!wait.isNegative() && !wait.isZero()) {
            waits++;
            sleeper.sleep(wait);
        }
    }

    /** A post was just made: the next one waits the interval. */
    public void posted() {
        Instant earliest = clock.instant().plus(interval);
        if (earliest.isAfter(next)) {
            next = earliest;
        }
    }

    /** Slack said to wait (a 429): nothing is posted to this channel before then. */
    public void holdFor(Duration wait) {
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(next)) {
            next = until;
        }
    }

    /** How often a post had to wait for its turn. */
    public long waits() {
        return waits;
    }
}

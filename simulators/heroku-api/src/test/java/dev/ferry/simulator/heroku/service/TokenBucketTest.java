package dev.ferry.simulator.heroku.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** Checks token taking and continuous refill with a hand-driven clock. */
class TokenBucketTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock implements InstantSource {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    @Test
    void startsFullAndTakesOneTokenPerRequest() {
        TokenBucket bucket = new TokenBucket(3, 0, new ManualClock());
        assertThat(bucket.remaining()).isEqualTo(3);
        assertThat(bucket.tryTake()).isEqualTo(2);
        assertThat(bucket.tryTake()).isEqualTo(1);
        assertThat(bucket.tryTake()).isEqualTo(0);
        assertThat(bucket.tryTake()).isEqualTo(-1);
        assertThat(bucket.remaining()).isEqualTo(0);
    }

    @Test
    void refillsContinuouslyUpToCapacity() {
        ManualClock clock = new ManualClock();
        TokenBucket bucket = new TokenBucket(4500, 75, clock);
        for (int i = 0; i < 100; i++) {
            bucket.tryTake();
        }
        assertThat(bucket.remaining()).isEqualTo(4400);
        clock.advance(Duration.ofSeconds(4));
        assertThat(bucket.remaining()).isEqualTo(4405);
        clock.advance(Duration.ofMinutes(1));
        assertThat(bucket.remaining()).isEqualTo(4480);
        clock.advance(Duration.ofHours(2));
        assertThat(bucket.remaining()).isEqualTo(4500);
    }

    @Test
    void anEmptyBucketAllowsAgainAfterRefill() {
        ManualClock clock = new ManualClock();
        TokenBucket bucket = new TokenBucket(1, 60, clock);
        assertThat(bucket.tryTake()).isEqualTo(0);
        assertThat(bucket.tryTake()).isEqualTo(-1);
        clock.advance(Duration.ofMillis(999));
        assertThat(bucket.tryTake()).isEqualTo(-1);
        clock.advance(Duration.ofMillis(1));
        assertThat(bucket.tryTake()).isEqualTo(0);
    }
}

package dev.ferry.inventory.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exponential back-off with equal jitter, capped. */
class BackoffTest {

    @Test
    void doublesFromTheInitialDelayUpToTheCap() {
        Backoff full = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 1.0);
        assertThat(full.delay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(full.delay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(full.delay(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(full.delay(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(full.delay(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(full.delay(60)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitterKeepsEachDelayBetweenHalfAndAllOfItsCeiling() {
        Backoff half = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0);
        assertThat(half.delay(3)).isEqualTo(Duration.ofMillis(200));
        Random random = new Random(42);
        Backoff jittered = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), random::nextDouble);
        for (int i = 0; i < 200; i++) {
            assertThat(jittered.delay(4)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
        }
        assertThat(java.util.stream.IntStream.range(0, 50)
                        .mapToObj(i -> jittered.delay(4))
                        .distinct())
                .hasSizeGreaterThan(10);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), () -> 0);
        assertThatThrownBy(() -> backoff.delay(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

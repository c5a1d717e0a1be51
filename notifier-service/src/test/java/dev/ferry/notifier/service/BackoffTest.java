package dev.ferry.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60));

    @Test
    void doublesAfterEachAttempt() {
        assertThat(backoff.after(1, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.after(2, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(4, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(40, null)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void honoursRetryAfterUpToTheCap() {
        assertThat(backoff.after(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(backoff.after(1, Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(60));
    }
}

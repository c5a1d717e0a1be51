package dev.ferry.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-channel pacer: one post per interval, and a 429's Retry-After holds the channel. */
class PacerTest {
    private Instant now = Instant.parse("2026-11-26T12:00:00Z");
    private final List<Duration> slept = new ArrayList<>();

    private Pacer pacer(Duration interval) {
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new Pacer(interval, clock, d -> {
            slept.add(d);
            now = now.plus(d);
        });
    }

    @Test
    void theFirstPostGoesAtOnceAndTheNextWaitsTheInterval() throws InterruptedException {
        Pacer pacer = pacer(Duration.ofSeconds(1));
        pacer.awaitTurn();
        pacer.posted();
        now = now.plusMillis(300);
        pacer.awaitTurn();
        assertThat(slept).containsExactly(Duration.ofMillis(700));
        pacer.posted();
        now = now.plusSeconds(2);
        pacer.awaitTurn();
        assertThat(slept).hasSize(1);
        assertThat(pacer.waits()).isEqualTo(1);
    }

    @Test
    void retryAfterHoldsLongerThanTheInterval() throws InterruptedException {
        Pacer pacer = pacer(Duration.ofSeconds(1));
        pacer.posted();
        pacer.holdFor(Duration.ofSeconds(5));
        pacer.posted();
        pacer.awaitTurn();
        assertThat(slept).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void aZeroIntervalNeverWaits() throws InterruptedException {
        Pacer pacer = pacer(Duration.ZERO);
        for (int i = 0; i < 5; i++) {
            pacer.awaitTurn();
            pacer.posted();
        }
        assertThat(slept).isEmpty();
    }
}

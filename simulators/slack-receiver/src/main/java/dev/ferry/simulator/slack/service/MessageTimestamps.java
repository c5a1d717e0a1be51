package dev.ferry.simulator.slack.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/** Hands out Slack message timestamps ({@code "1503435956.000247"}), unique and increasing. */
@ApplicationScoped
public class MessageTimestamps {

    private final Clock clock;
    private long lastMicros;

    public MessageTimestamps(Clock clock) {
        this.clock = clock;
    }

    public synchronized String next() {
        Instant now = clock.instant();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        lastMicros = Math.max(micros, lastMicros + 1);
        return String.format("%d.%06d", lastMicros / 1_000_000L, lastMicros % 1_000_000L);
    }
}

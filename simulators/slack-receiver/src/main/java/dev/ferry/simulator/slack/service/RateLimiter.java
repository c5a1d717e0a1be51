package dev.ferry.simulator.slack.service;

import dev.ferry.simulator.slack.config.ReceiverConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Slack's per-channel posting limit (about one message a second): at most {@code perSecond}
 * messages per channel in each clock second; more are answered 429 with {@code Retry-After: 1}.
 * Off (0) unless configured or switched on through the admin surface.
 */
@ApplicationScoped
public class RateLimiter {
    private final Clock clock;
    private final Map<String, long[]> windows = new HashMap<>();
    private int perSecond;
    private long refused;
    private long accepted;

    public RateLimiter(Clock clock, ReceiverConfig config) {
        this.clock = clock;
        this.perSecond = config.rateLimit().perChannelPerSecond();
    }

    /** Counts a message to a channel; false when the channel is over its limit (answer 429). */
    public synchronized boolean admit(String channel) {
        if (perSecond <= 0) {
            return true;
        }
        long second = clock.millis() / 1000;
        long[] window = windows.computeIfAbsent(channel, c -> new long[] {second, 0});
        if (window[0] != second) {
            window[0] = second;
            window[1] = 0;
        }
        if (window[1] >= perSecond) {
            refused++;
            return false;
        }
        window[1]++;
        accepted++;
        return true;
    }

    /** Sets the limit; 0 turns it off. Counters restart. */
    public synchronized void set(int perSecond) {
        this.perSecond = Math.max(0, perSecond);
        windows.clear();
        refused = 0;
        accepted = 0;
    }

    public synchronized Map<String, Object> status() {
        return Map.of("perChannelPerSecond", perSecond, "accepted", accepted, "refused", refused);
    }
}

package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.config.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps one token bucket per account, as Heroku limits accounts rather than tokens. */
@ApplicationScoped
public class RateLimiter {

    private final SimulatorConfig.RateLimit settings;
    private final InstantSource clock;
    private final Map<UUID, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(SimulatorConfig config, InstantSource clock) {
        this.settings = config.rateLimit();
        this.clock = clock;
    }

    /** Charges one request to the account. */
    public RateDecision charge(UUID accountId) {
        int left = bucket(accountId).tryTake();
        return left < 0 ? new RateDecision(false, 0) : new RateDecision(true, left);
    }

    /** Tokens the account has now, without charging it. */
    public int remaining(UUID accountId) {
        return bucket(accountId).remaining();
    }

    /** Refills every bucket by forgetting them; new ones start full. */
    public void reset() {
        buckets.clear();
    }

    private TokenBucket bucket(UUID accountId) {
        return buckets.computeIfAbsent(
                accountId, id -> new TokenBucket(settings.capacity(), settings.refillPerMinute(), clock));
    }
}

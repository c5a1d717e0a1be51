package dev.ferry.inventory.client;

import java.time.Duration;

/**
 * Paces requests against Heroku's per-account token bucket. It keeps an estimate of the tokens the
 * account has, refilled at the configured rate and corrected by every {@code RateLimit-Remaining}
 * Heroku sends, and never spends below a reserve: when the estimate runs low a request either
 * checks the real figure ({@code GET /account/rate-limits}, which is free) or waits for the refill.
 * Waiting callers take their token up front, so they are spaced one refill interval apart; while
 * one caller checks the real count the others hold back briefly and ask again.
 * Thread-safe; time is passed in so tests need no clock.
 */
public final class RatePacer {

    /** What a caller should do before its request. */
    public sealed interface Decision {}

    /** Send now. */
    public record Go() implements Decision {}

    /** Ask {@code GET /account/rate-limits}, report it with {@link #observe}, then ask again. */
    public record Refresh() implements Decision {}

    /** Wait this long, then send (the token is already taken). */
    public record Wait(Duration duration) implements Decision {}

    /** Another request is checking the real count: wait this long, then ask again. */
    public record Recheck(Duration duration) implements Decision {}

    private static final long REFRESH_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();
    private static final Duration RECHECK = Duration.ofMillis(50);

    private final int capacity;
    private final double nanosPerToken;
    private final int reserve;

    private double tokens;
    private long updatedAt;
    private long refreshedAt;
    private boolean refreshForced;
    private boolean refreshing;
    private int inFlight;

    public RatePacer(int capacity, double refillPerMinute, int reserve, long nowNanos) {
        if (capacity < 1 || refillPerMinute <= 0 || reserve < 0 || reserve >= capacity) {
            throw new IllegalArgumentException("pacer needs capacity >= 1, refill > 0, 0 <= reserve < capacity");
        }
        this.capacity = capacity;
        this.nanosPerToken = Duration.ofMinutes(1).toNanos() / refillPerMinute;
        this.reserve = reserve;
        this.tokens = capacity;
        this.updatedAt = nowNanos;
        this.refreshedAt = nowNanos - REFRESH_INTERVAL_NANOS;
    }

    /** Takes a token for one request. */
    public synchronized Decision acquire(long nowNanos) {
        refill(nowNanos);
        if (refreshForced && !refreshing) {
            // A 429 is checked against Heroku's real count even when a late answer of a request sent
            // before it raised the estimate again.
            return refresh(nowNanos);
        }
        if (tokens >= reserve + 1) {
            tokens -= 1;
            inFlight++;
            return new Go();
        }
        if (refreshing) {
            return new Recheck(RECHECK);
        }
        if (nowNanos - refreshedAt >= REFRESH_INTERVAL_NANOS) {
            return refresh(nowNanos);
        }
        double missing = reserve + 1 - tokens;
        tokens -= 1;
        inFlight++;
        return new Wait(Duration.ofNanos((long) Math.ceil(missing * nanosPerToken)));
    }

    /**
     * Heroku's count after one of our requests (or after a rate-limit check, with {@code
     * finishesRequest} false). Requests still in flight will be charged too, so they are deducted.
     */
    public synchronized void observe(int remaining, boolean finishesRequest, long nowNanos) {
        if (finishesRequest) {
            inFlight = Math.max(0, inFlight - 1);
        }
        tokens = Math.min(capacity, (double) remaining - inFlight);
        updatedAt = nowNanos;
    }

    /** The answer to a {@link Refresh}: Heroku's count, or null when the check failed. */
    public synchronized void refreshed(Integer remaining, long nowNanos) {
        refreshing = false;
        if (remaining != null) {
            observe(remaining, false, nowNanos);
        }
    }

    /** A request ended without telling us the count (an error, a timeout). */
    public synchronized void release() {
        inFlight = Math.max(0, inFlight - 1);
    }

    /** Heroku answered 429: the account is empty; the next request checks before it waits. */
    public synchronized void rateLimited(long nowNanos) {
        inFlight = Math.max(0, inFlight - 1);
        tokens = Math.min(tokens, 0);
        updatedAt = nowNanos;
        refreshForced = true;
    }

    /** The estimated tokens, for tests and logs. */
    public synchronized double tokens(long nowNanos) {
        refill(nowNanos);
        return tokens;
    }

    private Decision refresh(long nowNanos) {
        refreshForced = false;
        refreshing = true;
        refreshedAt = nowNanos;
        return new Refresh();
    }

    private void refill(long nowNanos) {
        if (nowNanos > updatedAt) {
            tokens = Math.min(capacity, tokens + (nowNanos - updatedAt) / nanosPerToken);
            updatedAt = nowNanos;
        }
    }
}

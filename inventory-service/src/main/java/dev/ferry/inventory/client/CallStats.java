package dev.ferry.inventory.client;

import java.util.concurrent.atomic.AtomicLong;

/** What one discovery cost at Heroku: calls, conditional hits, rate limiting and retries. */
public final class CallStats {
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong paced = new AtomicLong();
    private final AtomicLong pacedMillis = new AtomicLong();
    private final AtomicLong rateLimitChecks = new AtomicLong();

    /** Requests sent to Heroku, retries included, rate-limit checks excluded. */
    public long calls() {
        return calls.get();
    }

    /** Answers that were 304 Not Modified (the cached body was reused). */
    public long notModified() {
        return notModified.get();
    }

    /** Answers that were 429 Too Many Requests. */
    public long rateLimited() {
        return rateLimited.get();
    }

    /** Requests sent again after a 429, a 5xx or a timeout. */
    public long retries() {
        return retries.get();
    }

    /** Times the pacer held a request back to wait for the refill. */
    public long paced() {
        return paced.get();
    }

    /** Total time requests were held back by the pacer, in milliseconds. */
    public long pacedMillis() {
        return pacedMillis.get();
    }

    /** Calls to the free {@code GET /account/rate-limits}. */
    public long rateLimitChecks() {
        return rateLimitChecks.get();
    }

    void countCall() {
        calls.incrementAndGet();
    }

    void countNotModified() {
        notModified.incrementAndGet();
    }

    void countRateLimited() {
        rateLimited.incrementAndGet();
    }

    void countRetry() {
        retries.incrementAndGet();
    }

    void countPaced(long millis) {
        paced.incrementAndGet();
        pacedMillis.addAndGet(millis);
    }

    void countRateLimitCheck() {
        rateLimitChecks.incrementAndGet();
    }

    @Override
    public String toString() {
        return "calls=" + calls() + " notModified=" + notModified() + " rateLimited=" + rateLimited()
                + " retries=" + retries() + " pacedWaits=" + paced() + " pacedMillis=" + pacedMillis()
                + " rateLimitChecks=" + rateLimitChecks();
    }
}

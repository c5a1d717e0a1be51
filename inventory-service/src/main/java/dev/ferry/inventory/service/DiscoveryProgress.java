package dev.ferry.inventory.service;

import dev.ferry.inventory.client.CallStats;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live state of one discovery on the instance running it: phase, apps read and failed, and
 * what Heroku cost so far. Thread-safe; read as an immutable {@link View}.
 */
public final class DiscoveryProgress {

    /** Where a discovery is. */
    public enum Phase {
        RESOLVING,
        ACCOUNT,
        APPS,
        APPENDING,
        COMPLETED,
        FAILED;

        public boolean terminal() {
            return this == COMPLETED || this == FAILED;
        }

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A snapshot, as the API shows it.
     *
     * @param source {@code live} while this instance runs it, {@code projection} once recorded
     */
    public record View(
            String discoveryId,
            String phase,
            int appsTotal,
            int appsDone,
            int appsFailed,
            long calls,
            long notModified,
            long rateLimited,
            long retries,
            String failure,
            Instant startedAt,
            Instant finishedAt,
            String source) {

        public boolean terminal() {
            return "completed".equals(phase) || "failed".equals(phase);
        }
    }

    private final String discoveryId;
    private final CallStats stats;
    private final Instant startedAt;
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile Phase phase = Phase.RESOLVING;
    private volatile String failure;
    private volatile Instant finishedAt;

    public DiscoveryProgress(String discoveryId, CallStats stats, Instant startedAt) {
        this.discoveryId = discoveryId;
        this.stats = stats;
        this.startedAt = startedAt;
    }

    public String discoveryId() {
        return discoveryId;
    }

    public CallStats stats() {
        return stats;
    }

    public Phase phase() {
        return phase;
    }

    void enter(Phase next) {
        phase = next;
    }

    void appsTotal(int count) {
        total.set(count);
    }

    void appDone() {
        done.incrementAndGet();
    }

    void appFailed() {
        failed.incrementAndGet();
    }

    void finish(Phase end, String reason, Instant at) {
        failure = reason;
        finishedAt = at;
        phase = end;
    }

    public View view() {
        return new View(
                discoveryId,
                phase.wire(),
                total.get(),
                done.get(),
                failed.get(),
                stats.calls(),
                stats.notModified(),
                stats.rateLimited(),
                stats.retries(),
                failure,
                startedAt,
                finishedAt,
                "live");
    }
}

package dev.ferry.executor.data.postgres;

import dev.ferry.executor.data.postgres.PostgresCopier.Chunk;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what the copy's workers moved and tells the listener, at most every so often. */
final class Progress {
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicInteger tablesDone = new AtomicInteger();
    private final int tablesTotal;
    private final long bytesTotal;
    private final long everyNanos;
    private final CopyProgress.Listener listener;
    private final long start = System.nanoTime();
    private volatile String phase = "schema";
    private volatile long dataStart;
    private long lastReport;

    Progress(List<Catalog.Table> tables, Duration every, CopyProgress.Listener listener) {
        this.tablesTotal = tables.size();
        this.bytesTotal = tables.stream().mapToLong(Catalog.Table::totalBytes).sum();
        this.everyNanos = every.toNanos();
        this.listener = listener;
        this.lastReport = start - everyNanos;
    }

    void phase(String name, String message) {
        phase = name;
        if (name.equals("data")) {
            dataStart = System.nanoTime();
        }
        report(true, message);
    }

    void bytes(long n) {
        bytes.addAndGet(n);
        report(false, null);
    }

    void chunkDone(Chunk chunk, long chunkRows) {
        rows.addAndGet(chunkRows);
        if (chunk.remaining().decrementAndGet() == 0) {
            tablesDone.incrementAndGet();
            report(false, "Copied " + chunk.table().name());
        }
    }

    long bytes() {
        return bytes.get();
    }

    long rows() {
        return rows.get();
    }

    private void report(boolean force, String message) {
        long now = System.nanoTime();
        synchronized (this) {
            if (!force && now - lastReport < everyNanos) {
                return;
            }
            lastReport = now;
        }
        long done = bytes.get();
        Long eta = null;
        if (phase.equals("data") && done > 0 && bytesTotal > 0) {
            double fraction = Math.min(0.99, (double) done / bytesTotal);
            eta = Math.round((now - dataStart) / 1e9 * (1 - fraction) / fraction);
        }
        listener.progress(new CopyProgress(
                phase,
                done,
                bytesTotal,
                rows.get(),
                tablesDone.get(),
                tablesTotal,
                eta,
                message == null ? phase + ": " + (done >> 20) + " MB" : message));
    }
}

package dev.ferry.executor.data;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * Data copy throughput for Prometheus: bytes and rows copied (counted as a copy progresses, so a long
 * copy shows its rate while it runs), keys copied, and each finished copy's bytes per second. The only
 * tag is the engine ({@code postgres}, {@code redis}).
 */
public final class CopyMetrics {
    private final MeterRegistry registry;

    public CopyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A tally for one copy of one engine. */
    public Tally start(String engine) {
        return new Tally(
                Counter.builder("ferry.executor.copy.bytes")
                        .description("Bytes of table data copied to Aptible databases")
                        .baseUnit("bytes")
                        .tag("engine", engine)
                        .register(registry),
                Counter.builder("ferry.executor.copy.rows")
                        .description("Rows copied to Aptible databases")
                        .tag("engine", engine)
                        .register(registry),
                DistributionSummary.builder("ferry.executor.copy.throughput")
                        .description("Bytes per second of each finished copy")
                        .baseUnit("bytes_per_second")
                        .tag("engine", engine)
                        .register(registry));
    }

    /** Counts keys a Redis copy restored. */
    public void keys(long keys) {
        Counter.builder("ferry.executor.copy.keys")
                .description("Redis keys copied to Aptible databases")
                .tag("engine", "redis")
                .register(registry)
                .increment(keys);
    }

    /** Adds what a copy did since it last reported; progress figures are cumulative. */
    public static final class Tally {
        private final Counter bytes;
        private final Counter rows;
        private final DistributionSummary throughput;
        private long bytesSeen;
        private long rowsSeen;

        private Tally(Counter bytes, Counter rows, DistributionSummary throughput) {
            this.bytes = bytes;
            this.rows = rows;
            this.throughput = throughput;
        }

        /** The copy has done this much so far. */
        public synchronized void progress(long bytesDone, long rowsDone) {
            if (bytesDone > bytesSeen) {
                bytes.increment(bytesDone - bytesSeen);
                bytesSeen = bytesDone;
            }
            if (rowsDone > rowsSeen) {
                rows.increment(rowsDone - rowsSeen);
                rowsSeen = rowsDone;
            }
        }

        /** The copy ended with these totals after this long. */
        public synchronized void finished(long totalBytes, long totalRows, Duration elapsed) {
            progress(totalBytes, totalRows);
            double seconds = elapsed.toNanos() / 1e9;
            if (seconds > 0) {
                throughput.record(totalBytes / seconds);
            }
        }
    }
}

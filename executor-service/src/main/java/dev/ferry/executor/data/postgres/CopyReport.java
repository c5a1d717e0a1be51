package dev.ferry.executor.data.postgres;

import java.time.Duration;
import java.util.Map;

/**
 * What a finished copy did.
 *
 * @param recreated whether the target held an earlier partial copy that was dropped first
 * @param phases wall time per phase, in the order they ran
 */
public record CopyReport(
        int tables,
        long rows,
        long bytes,
        int ranges,
        int postDataStatements,
        int sequences,
        boolean recreated,
        Map<String, Duration> phases,
        Duration elapsed) {

    public double megabytesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
    }
}

package dev.ferry.planner.domain;

import dev.ferry.events.migration.StepSucceeded;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * A PostgreSQL dump and restore the executor finished, kept so later plans predict maintenance
 * windows from a measured throughput instead of the configured one.
 *
 * @param planId the plan whose migration ran the copy; null when its start was not seen
 * @param sourceAddon the Heroku add-on copied (the step's {@code sourceAddon}); null when the plan
 *     version the migration ran was not known
 * @param copyMillis how long the copy took: the step's whole {@code seconds}, or its duration when
 *     those round down to 0
 */
public record CopyMeasurement(
        String migrationId,
        String stepId,
        String planId,
        String sourceAddon,
        long bytes,
        long copyMillis,
        Instant measuredAt) {

    public static final String COPY_POSTGRES = "copy-postgres";

    /** Oldest first; ties by migration and step, so every choice among measurements is deterministic. */
    public static final Comparator<CopyMeasurement> ORDER = Comparator.comparing(CopyMeasurement::measuredAt)
            .thenComparing(CopyMeasurement::migrationId)
            .thenComparing(CopyMeasurement::stepId);

    public long bytesPerSecond() {
        return copyMillis <= 0 ? 0 : bytes * 1000 / copyMillis;
    }

    /**
     * The measurement a successful step gives, or nothing: only a dump and restore measures copy
     * throughput (a logical sync's initial copy runs while the source takes writes, so it does not).
     *
     * @param strategy the step's planned strategy, null when unknown
     */
    public static Optional<CopyMeasurement> of(StepSucceeded done, String planId, String sourceAddon, String strategy) {
        Map<String, String> outputs = done.outputs() == null ? Map.of() : done.outputs();
        if (!COPY_POSTGRES.equals(done.stepType())
                || "logical-sync".equals(strategy)
                || done.stepId().startsWith("sync:")
                || outputs.containsKey("subscription")) {
            return Optional.empty();
        }
        long bytes = number(outputs.get("bytes"));
        long seconds = number(outputs.get("seconds"));
        long millis = seconds > 0 ? seconds * 1000 : done.durationMs();
        if (bytes <= 0 || millis <= 0 || done.completedAt() == null) {
            return Optional.empty();
        }
        return Optional.of(new CopyMeasurement(
                done.migrationId(), done.stepId(), planId, sourceAddon, bytes, millis, done.completedAt()));
    }

    private static long number(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

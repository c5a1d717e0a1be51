package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/**
 * A step's attempt failed; the error names the cause.
 *
 * @param retryAt when the executor tries the next attempt (backoff with jitter, decided once and recorded
 *     so a restart keeps it); null when the failure is final
 */
@EventType(name = "ferry.migration.step-failed")
public record StepFailed(
        String migrationId,
        String stepId,
        String stepType,
        int attempt,
        String error,
        long durationMs,
        Instant failedAt,
        @Nullable Instant retryAt)
        implements MigrationEvent {

    /** The v1 shape: a failure without a scheduled retry. */
    public StepFailed(
            String migrationId,
            String stepId,
            String stepType,
            int attempt,
            String error,
            long durationMs,
            Instant failedAt) {
        this(migrationId, stepId, stepType, attempt, error, durationMs, failedAt, null);
    }
}

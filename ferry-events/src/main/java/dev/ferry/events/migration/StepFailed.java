package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import java.time.Instant;

/** A step's attempt failed; the error names the cause. */
@EventType(name = "ferry.migration.step-failed")
public record StepFailed(
        String migrationId,
        String stepId,
        String stepType,
        int attempt,
        String error,
        long durationMs,
        Instant failedAt)
        implements MigrationEvent {}

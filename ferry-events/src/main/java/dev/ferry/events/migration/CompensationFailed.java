package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/**
 * Undoing a step during rollback failed.
 *
 * @param retryAt when the compensation is tried again; null when rollback gave up and needs a person
 */
@EventType(name = "ferry.migration.compensation-failed")
public record CompensationFailed(
        String migrationId,
        String stepId,
        String stepType,
        int attempt,
        String error,
        Instant failedAt,
        @Nullable Instant retryAt)
        implements MigrationEvent {}

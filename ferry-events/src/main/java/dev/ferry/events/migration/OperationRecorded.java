package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import java.time.Instant;

/**
 * A step asked Aptible for an operation; recorded before waiting on it, so a restart polls the same
 * operation instead of starting another.
 */
@EventType(name = "ferry.migration.operation-recorded")
public record OperationRecorded(
        String migrationId, String stepId, String operationType, String operationId, String resource, Instant at)
        implements MigrationEvent {}

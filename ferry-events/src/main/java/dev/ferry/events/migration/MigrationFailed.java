package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import java.time.Instant;

/** The migration stopped at a failed step. */
@EventType(name = "ferry.migration.failed")
public record MigrationFailed(String migrationId, String planId, String failedStepId, String reason, Instant failedAt)
        implements MigrationEvent {}

package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import java.time.Instant;

/** Every step of the migration succeeded. */
@EventType(name = "ferry.migration.completed")
public record MigrationCompleted(String migrationId, String planId, int stepCount, long durationMs, Instant completedAt)
        implements MigrationEvent {}

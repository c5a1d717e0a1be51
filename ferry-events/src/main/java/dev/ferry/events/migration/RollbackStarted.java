package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import java.time.Instant;
import java.util.List;

/**
 * Rollback began: compensations run in reverse order back to the last point of no return.
 *
 * @param stepIds the steps to compensate, in the order they will be undone
 */
@EventType(name = "ferry.migration.rollback-started")
public record RollbackStarted(String migrationId, String by, List<String> stepIds, Instant at)
        implements MigrationEvent {}

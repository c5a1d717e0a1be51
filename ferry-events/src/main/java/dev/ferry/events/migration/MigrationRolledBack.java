package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import java.time.Instant;

/** Every compensation of a rollback succeeded. */
@EventType(name = "ferry.migration.rolled-back")
public record MigrationRolledBack(String migrationId, Instant at) implements MigrationEvent {}

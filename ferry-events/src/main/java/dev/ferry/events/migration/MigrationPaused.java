package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import java.time.Instant;

/** A person paused a migration: running steps finish, no new step starts. */
@EventType(name = "ferry.migration.paused")
public record MigrationPaused(String migrationId, String by, Instant at) implements MigrationEvent {}

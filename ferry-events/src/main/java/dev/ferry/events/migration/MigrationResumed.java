package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import java.time.Instant;

/** A person resumed a paused migration. */
@EventType(name = "ferry.migration.resumed")
public record MigrationResumed(String migrationId, String by, Instant at) implements MigrationEvent {}

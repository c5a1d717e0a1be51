package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/** A person cancelled a migration; no further step runs and nothing is undone. */
@EventType(name = "ferry.migration.cancelled")
public record MigrationCancelled(
        String migrationId, String by, @Nullable String reason, Instant at) implements MigrationEvent {}

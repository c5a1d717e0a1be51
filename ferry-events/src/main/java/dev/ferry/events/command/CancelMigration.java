package dev.ferry.events.command;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/** Cancel a migration. */
@EventType(name = "ferry.command.cancel-migration")
public record CancelMigration(
        String migrationId,
        String requestedBy,
        String via,
        @Nullable String reason,
        Instant requestedAt) implements MigrationCommand {}

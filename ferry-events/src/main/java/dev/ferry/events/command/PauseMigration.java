package dev.ferry.events.command;

import dev.ferry.events.EventType;
import java.time.Instant;

/** Pause a migration. */
@EventType(name = "ferry.command.pause-migration")
public record PauseMigration(String migrationId, String requestedBy, String via, Instant requestedAt)
        implements MigrationCommand {}

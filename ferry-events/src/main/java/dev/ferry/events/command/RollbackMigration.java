package dev.ferry.events.command;

import dev.ferry.events.EventType;
import java.time.Instant;

/** Roll a migration back to its last point of no return. */
@EventType(name = "ferry.command.rollback-migration")
public record RollbackMigration(String migrationId, String requestedBy, String via, Instant requestedAt)
        implements MigrationCommand {}

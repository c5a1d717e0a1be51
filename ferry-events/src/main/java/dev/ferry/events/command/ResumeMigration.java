package dev.ferry.events.command;

import dev.ferry.events.EventType;
import java.time.Instant;

/** Resume a paused or failed migration. */
@EventType(name = "ferry.command.resume-migration")
public record ResumeMigration(String migrationId, String requestedBy, String via, Instant requestedAt)
        implements MigrationCommand {}

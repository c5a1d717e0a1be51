package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import java.time.Instant;
import java.util.List;

/** The executor began running an approved plan version. */
@EventType(name = "ferry.migration.started")
public record MigrationStarted(
        String migrationId, String planId, int planVersion, String environment, List<String> stepIds, Instant startedAt)
        implements MigrationEvent {}

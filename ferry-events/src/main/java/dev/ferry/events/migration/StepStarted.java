package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import java.time.Instant;

/** A step's attempt began. */
@EventType(name = "ferry.migration.step-started")
public record StepStarted(String migrationId, String stepId, String stepType, int attempt, Instant startedAt)
        implements MigrationEvent {}

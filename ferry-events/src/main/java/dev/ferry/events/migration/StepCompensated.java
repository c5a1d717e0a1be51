package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import java.time.Instant;

/** Rollback undid a succeeded step. */
@EventType(name = "ferry.migration.step-compensated")
public record StepCompensated(String migrationId, String stepId, String stepType, String summary, Instant at)
        implements MigrationEvent {}

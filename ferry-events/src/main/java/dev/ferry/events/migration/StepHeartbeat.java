package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import java.time.Instant;

/**
 * An attempt of a step, or of its compensation, is still running: appended every few seconds while it
 * runs, so an executor instance that has just taken over the migration's partition waits for that
 * attempt's outcome instead of running the step a second time.
 *
 * @param attempt the attempt that is running (of the compensation when {@code compensation} is true)
 */
@EventType(name = "ferry.migration.step-heartbeat")
public record StepHeartbeat(
        String migrationId, String stepId, String stepType, int attempt, boolean compensation, Instant at)
        implements MigrationEvent {}

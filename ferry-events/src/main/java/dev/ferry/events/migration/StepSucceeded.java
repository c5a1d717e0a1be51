package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import java.time.Instant;
import java.util.Map;

/**
 * A step reached and verified its desired state.
 *
 * @param summary one line for people, e.g. "Created app shop-web (id 42)"
 * @param outputs ids and handles the step produced, for later steps and for resuming
 */
@EventType(name = "ferry.migration.step-succeeded")
public record StepSucceeded(
        String migrationId,
        String stepId,
        String stepType,
        String summary,
        Map<String, String> outputs,
        long durationMs,
        Instant completedAt)
        implements MigrationEvent {}

package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import java.time.Instant;

/**
 * A person asked to retry a step that failed for good; it runs again with a fresh retry budget.
 *
 * @param via {@code rest} or {@code slack}
 */
@EventType(name = "ferry.migration.step-retried")
public record StepRetried(String migrationId, String stepId, String by, String via, Instant at)
        implements MigrationEvent {}

package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import java.time.Instant;

/**
 * A step waits for a person: an approval or a manual task, with what they must do.
 *
 * @param gate {@code approval} or {@code manual-task}
 */
@EventType(name = "ferry.migration.gate-opened")
public record GateOpened(String migrationId, String stepId, String gate, String instructions, Instant openedAt)
        implements MigrationEvent {}

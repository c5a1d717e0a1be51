package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/**
 * A person approved a gate or confirmed a manual task.
 *
 * @param via {@code rest} or {@code slack}
 */
@EventType(name = "ferry.migration.gate-approved")
public record GateApproved(
        String migrationId,
        String stepId,
        String approvedBy,
        String via,
        @Nullable String comment,
        Instant approvedAt) implements MigrationEvent {}

package dev.ferry.events.command;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/** Approve a gate or confirm a manual task. */
@EventType(name = "ferry.command.approve-gate")
public record ApproveGate(
        String migrationId,
        String stepId,
        String requestedBy,
        String via,
        @Nullable String comment,
        Instant requestedAt)
        implements MigrationCommand {}

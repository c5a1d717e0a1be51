package dev.ferry.events.command;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/** Approve one version of a plan. */
@EventType(name = "ferry.command.approve-plan")
public record ApprovePlan(
        String planId,
        int version,
        String requestedBy,
        String via,
        @Nullable String comment,
        Instant requestedAt) implements PlanCommand {}

package dev.ferry.events.command;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/** Reject one version of a plan. */
@EventType(name = "ferry.command.reject-plan")
public record RejectPlan(
        String planId,
        int version,
        String requestedBy,
        String via,
        @Nullable String comment,
        Instant requestedAt) implements PlanCommand {}

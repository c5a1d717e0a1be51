package dev.ferry.events.plan;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/** A person approved one version of a plan; the executor may run it. */
@EventType(name = "ferry.plan.approved")
public record PlanApproved(
        String planId,
        int version,
        String approvedBy,
        @Nullable String comment,
        Instant approvedAt) implements PlanEvent {}

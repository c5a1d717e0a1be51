package dev.ferry.events.plan;

import dev.ferry.events.EventType;
import java.time.Instant;
import java.util.List;

/** The planner proposed a version of a plan for an inventory; it waits for approval. */
@EventType(name = "ferry.plan.proposed")
public record PlanProposed(
        String planId,
        int version,
        String discoveryId,
        String environment,
        String requestedBy,
        List<PlanStep> steps,
        Instant proposedAt)
        implements PlanEvent {}

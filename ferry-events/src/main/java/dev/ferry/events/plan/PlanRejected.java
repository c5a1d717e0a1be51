package dev.ferry.events.plan;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/** A person rejected one version of a plan; it will not run. */
@EventType(name = "ferry.plan.rejected")
public record PlanRejected(
        String planId,
        int version,
        String rejectedBy,
        @Nullable String comment,
        Instant rejectedAt) implements PlanEvent {}

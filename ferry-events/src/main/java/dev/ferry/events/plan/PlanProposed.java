package dev.ferry.events.plan;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * The planner proposed a version of a plan for an inventory; it waits for approval.
 *
 * @param production whether the plan touches production; then its approver must not be its requester
 * @param planHash SHA-256 of the plan's canonical JSON, quoted in evidence packs
 * @param supersedesVersion the version this one replaces, when inventory drifted
 * @param fidelity per app, how each Heroku feature in use maps
 */
@EventType(name = "ferry.plan.proposed")
public record PlanProposed(
        String planId,
        int version,
        String discoveryId,
        String environment,
        String requestedBy,
        List<PlanStep> steps,
        Instant proposedAt,
        @Nullable Boolean production,
        @Nullable String planHash,
        @Nullable Integer supersedesVersion,
        @Nullable List<FidelityItem> fidelity)
        implements PlanEvent {

    /** The v1 shape. */
    public PlanProposed(
            String planId,
            int version,
            String discoveryId,
            String environment,
            String requestedBy,
            List<PlanStep> steps,
            Instant proposedAt) {
        this(planId, version, discoveryId, environment, requestedBy, steps, proposedAt, null, null, null, null);
    }
}

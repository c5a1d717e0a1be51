package dev.ferry.planner.messaging;

import dev.ferry.common.projection.Projection;
import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanRejected;
import dev.ferry.planner.domain.PlanState;
import dev.ferry.planner.domain.StepView;
import dev.ferry.planner.repository.PlanEntity;
import dev.ferry.planner.repository.PlanRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Builds the plan read model from ferry.plans; step secrets are kept as fingerprints only. */
@ApplicationScoped
public class PlanProjection implements Projection {
    private final PlanRepository plans;

    public PlanProjection(PlanRepository plans) {
        this.plans = plans;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.PLANS);
    }

    @Override
    public Uni<Void> apply(CloudEvent event) {
        if (event.data() instanceof PlanProposed proposed) {
            return proposed(proposed);
        } else if (event.data() instanceof PlanApproved approved) {
            return decided(
                    approved.planId(),
                    approved.version(),
                    PlanState.APPROVED,
                    approved.approvedBy(),
                    approved.comment(),
                    approved.approvedAt());
        } else if (event.data() instanceof PlanRejected rejected) {
            return decided(
                    rejected.planId(),
                    rejected.version(),
                    PlanState.REJECTED,
                    rejected.rejectedBy(),
                    rejected.comment(),
                    rejected.rejectedAt());
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> reset() {
        return plans.deleteAll().replaceWithVoid();
    }

    private Uni<Void> proposed(PlanProposed proposed) {
        return plans.findById(proposed.planId()).flatMap(existing -> {
            if (existing != null && existing.version >= proposed.version()) {
                return Uni.createFrom().voidItem();
            }
            PlanEntity plan = existing == null ? new PlanEntity() : existing;
            plan.id = proposed.planId();
            plan.version = proposed.version();
            plan.discoveryId = proposed.discoveryId();
            plan.environment = proposed.environment();
            plan.status = PlanState.PROPOSED;
            plan.requestedBy = proposed.requestedBy();
            plan.decidedBy = null;
            plan.decidedAt = null;
            plan.comment = null;
            plan.proposedAt = proposed.proposedAt();
            plan.stepsJson = ProjectionJson.write(
                    proposed.steps().stream().map(StepView::of).toList());
            return existing == null
                    ? plans.persist(plan).replaceWithVoid()
                    : Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> decided(String planId, int version, String status, String by, String comment, Instant at) {
        return plans.findById(planId)
                .invoke(plan -> {
                    if (plan != null && plan.version == version) {
                        plan.status = status;
                        plan.decidedBy = by;
                        plan.comment = comment;
                        plan.decidedAt = at;
                    }
                })
                .replaceWithVoid();
    }
}

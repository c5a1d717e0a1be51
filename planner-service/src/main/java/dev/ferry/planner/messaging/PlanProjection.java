package dev.ferry.planner.messaging;

import dev.ferry.common.projection.Projection;
import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanRejected;
import dev.ferry.planner.domain.PlanDocument;
import dev.ferry.planner.domain.PlanState;
import dev.ferry.planner.repository.PlanEntity;
import dev.ferry.planner.repository.PlanRepository;
import dev.ferry.planner.repository.PlanVersionEntity;
import dev.ferry.planner.repository.PlanVersionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Builds the plan read model from ferry.plans: the latest version of each plan with its decision,
 * and every version's document for files, fidelity and diffs. Secrets are kept as fingerprints only.
 */
@ApplicationScoped
public class PlanProjection implements Projection {
    private final PlanRepository plans;
    private final PlanVersionRepository versions;

    public PlanProjection(PlanRepository plans, PlanVersionRepository versions) {
        this.plans = plans;
        this.versions = versions;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.PLANS);
    }

    @Override
    public Uni<Void> apply(CloudEvent event) {
        if (event.data() instanceof PlanProposed proposed) {
            PlanDocument document = PlanDocument.of(proposed);
            return version(document).flatMap(v -> proposed(document));
        } else if (event.data() instanceof PlanApproved approved) {
            return decided(
                    event.id(),
                    approved.planId(),
                    approved.version(),
                    PlanState.APPROVED,
                    approved.approvedBy(),
                    approved.comment(),
                    approved.approvedAt());
        } else if (event.data() instanceof PlanRejected rejected) {
            return decided(
                    event.id(),
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
        return versions.deleteAll().flatMap(n -> plans.deleteAll()).replaceWithVoid();
    }

    private Uni<Void> version(PlanDocument document) {
        return versions.find(document.planId(), document.version()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            PlanVersionEntity v = new PlanVersionEntity();
            v.id = PlanVersionEntity.key(document.planId(), document.version());
            v.planId = document.planId();
            v.version = document.version();
            v.discoveryId = document.discoveryId();
            v.planHash = document.planHash();
            v.proposedAt = document.proposedAt();
            v.documentJson = ProjectionJson.write(document);
            return versions.persist(v).replaceWithVoid();
        });
    }

    private Uni<Void> proposed(PlanDocument document) {
        return plans.findById(document.planId()).flatMap(existing -> {
            if (existing != null && existing.version >= document.version()) {
                return Uni.createFrom().voidItem();
            }
            PlanEntity plan = existing == null ? new PlanEntity() : existing;
            plan.id = document.planId();
            plan.version = document.version();
            plan.discoveryId = document.discoveryId();
            plan.environment = document.environment();
            plan.status = PlanState.PROPOSED;
            plan.requestedBy = document.requestedBy();
            plan.decidedBy = null;
            plan.decidedAt = null;
            plan.decidedEventId = null;
            plan.comment = null;
            plan.proposedAt = document.proposedAt();
            plan.stepsJson = ProjectionJson.write(document.steps());
            plan.production = document.production();
            plan.planHash = document.planHash();
            plan.supersedesVersion = document.supersedesVersion();
            plan.appCount = document.apps().size();
            plan.reviewCount = (int) document.steps().stream()
                    .filter(s -> s.needsReview() != null)
                    .count();
            return existing == null
                    ? plans.persist(plan).replaceWithVoid()
                    : Uni.createFrom().voidItem();
        });
    }

    /**
     * The first decision on the log about the latest version stands; later ones, and decisions about
     * a version already superseded, change nothing.
     */
    private Uni<Void> decided(
            String eventId, String planId, int version, String status, String by, String comment, Instant at) {
        return plans.findById(planId).flatMap(plan -> {
            if (plan == null || plan.version != version || !PlanState.PROPOSED.equals(plan.status)) {
                return Uni.createFrom().voidItem();
            }
            plan.status = status;
            plan.decidedEventId = eventId;
            plan.decidedBy = by;
            plan.comment = comment;
            plan.decidedAt = at;
            return versions.find(planId, version)
                    .invoke(v -> {
                        if (v != null) {
                            v.decision = status;
                            v.decidedEventId = eventId;
                            v.decidedBy = by;
                        }
                    })
                    .replaceWithVoid();
        });
    }
}

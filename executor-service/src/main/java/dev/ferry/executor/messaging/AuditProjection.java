package dev.ferry.executor.messaging;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanRejected;
import dev.ferry.executor.repository.AuditRecord;
import dev.ferry.executor.repository.PlanVersionRecord;
import dev.ferry.executor.repository.Repositories;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The audit side of the executor's projection: an entry per audited event ({@link AuditTrail}) and
 * every plan version with its hash and decision, for evidence packs. Runs inside the projection's
 * transaction, so it is applied exactly once per event and rebuilt with the rest.
 */
@ApplicationScoped
public class AuditProjection {
    private final Repositories.Audit audit;
    private final Repositories.PlanVersions versions;

    public AuditProjection(Repositories.Audit audit, Repositories.PlanVersions versions) {
        this.audit = audit;
        this.versions = versions;
    }

    public Uni<Void> apply(CloudEvent event) {
        Uni<Void> entry = AuditTrail.entryOf(event)
                .map(r -> lateDecision(event.data(), r).flatMap(audit::persist).replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem());
        return entry.flatMap(v -> planVersion(event.data()));
    }

    public Uni<Void> reset() {
        return audit.deleteAll().flatMap(n -> versions.deleteAll()).replaceWithVoid();
    }

    /**
     * A decision on a plan version that an earlier decision already settled had no effect (the
     * first on the log wins): its entry says so instead of claiming it was accepted.
     */
    private Uni<AuditRecord> lateDecision(Object data, AuditRecord entry) {
        if (!(data instanceof PlanApproved) && !(data instanceof PlanRejected)) {
            return Uni.createFrom().item(entry);
        }
        return versions.find(entry.planId, entry.planVersion).map(v -> {
            if (v != null && v.decision != null) {
                entry.outcome = AuditTrail.REJECTED;
                entry.reason = "Plan " + entry.planId + " v" + entry.planVersion + " was already " + v.decision + " by "
                        + v.decidedBy + "; this later decision had no effect";
            }
            return entry;
        });
    }

    private Uni<Void> planVersion(Object data) {
        if (data instanceof PlanProposed p) {
            return versions.find(p.planId(), p.version()).flatMap(existing -> {
                if (existing != null) {
                    return Uni.createFrom().voidItem();
                }
                PlanVersionRecord v = new PlanVersionRecord();
                v.planId = p.planId();
                v.version = p.version();
                v.environment = p.environment();
                v.planHash = p.planHash();
                v.production = p.production();
                v.stepCount = p.steps().size();
                v.requestedBy = p.requestedBy();
                v.proposedAt = p.proposedAt();
                return versions.persist(v).replaceWithVoid();
            });
        } else if (data instanceof PlanApproved a) {
            return decide(a.planId(), a.version(), "approved", a.approvedBy(), a.approvedAt(), a.comment());
        } else if (data instanceof PlanRejected r) {
            return decide(r.planId(), r.version(), "rejected", r.rejectedBy(), r.rejectedAt(), r.comment());
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> decide(String planId, int version, String decision, String by, Instant at, String comment) {
        return versions.find(planId, version)
                .invoke(v -> {
                    if (v != null && v.decision == null) {
                        v.decision = decision;
                        v.decidedBy = by;
                        v.decidedAt = at;
                        v.decisionComment = comment;
                    }
                })
                .replaceWithVoid();
    }
}

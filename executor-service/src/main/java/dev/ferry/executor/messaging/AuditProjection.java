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
import java.util.Optional;

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
        Optional<AuditRecord> entry = AuditTrail.entryOf(event);
        Object data = event.data();
        if (data instanceof PlanApproved a) {
            return decide(entry, a.planId(), a.version(), "approved", a.approvedBy(), a.approvedAt(), a.comment());
        } else if (data instanceof PlanRejected r) {
            return decide(entry, r.planId(), r.version(), "rejected", r.rejectedBy(), r.rejectedAt(), r.comment());
        }
        return persist(entry)
                .flatMap(v -> data instanceof PlanProposed p
                        ? proposed(p)
                        : Uni.createFrom().voidItem());
    }

    public Uni<Void> reset() {
        return audit.deleteAll().flatMap(n -> versions.deleteAll()).replaceWithVoid();
    }

    private Uni<Void> persist(Optional<AuditRecord> entry) {
        return entry.map(r -> audit.persist(r).replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    private Uni<Void> proposed(PlanProposed p) {
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
    }

    /**
     * Records the first decision about a plan version; a later one had no effect (the first on the
     * log wins), and its entry says so instead of claiming it was accepted.
     */
    private Uni<Void> decide(
            Optional<AuditRecord> entry,
            String planId,
            int version,
            String decision,
            String by,
            Instant at,
            String comment) {
        return versions.find(planId, version).flatMap(v -> {
            if (v != null && v.decision != null) {
                entry.ifPresent(r -> {
                    r.outcome = AuditTrail.REJECTED;
                    r.reason = "Plan " + planId + " v" + version + " was already " + v.decision + " by " + v.decidedBy
                            + "; this later decision had no effect";
                });
            } else if (v != null) {
                v.decision = decision;
                v.decidedBy = by;
                v.decidedAt = at;
                v.decisionComment = comment;
            }
            return persist(entry);
        });
    }
}

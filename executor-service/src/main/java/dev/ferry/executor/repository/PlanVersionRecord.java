package dev.ferry.executor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One version of a plan as proposed, with its hash and who requested and decided it; for evidence packs. */
@Entity
@Table(name = "exec_plan_version")
@IdClass(PlanVersionRecord.Key.class)
public class PlanVersionRecord extends PanacheEntityBase {
    @Id
    @Column(name = "plan_id")
    public String planId;

    @Id
    public int version;

    public String environment;

    @Column(name = "plan_hash")
    public String planHash;

    public Boolean production;

    @Column(name = "step_count")
    public int stepCount;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    /** {@code approved} or {@code rejected}, or null while undecided. */
    public String decision;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_comment")
    public String decisionComment;

    /** Composite key of plan and version. */
    public static class Key implements Serializable {
        public String planId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(planId, k.planId) && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(planId, version);
        }
    }
}

package dev.ferry.planner.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of a plan, kept for its files, fidelity report and diffs; secrets as fingerprints. */
@Entity
@Table(name = "plan_version")
public class PlanVersionEntity extends PanacheEntityBase {
    /** {@code <planId>#<version>}. */
    @Id
    public String id;

    @Column(name = "plan_id")
    public String planId;

    public int version;

    @Column(name = "discovery_id")
    public String discoveryId;

    @Column(name = "plan_hash")
    public String planHash;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    /** The {@code PlanDocument} as JSON. */
    @Column(name = "document_json")
    public String documentJson;

    /** {@code approved} or {@code rejected} once the first decision about this version is applied. */
    public String decision;

    @Column(name = "decided_event_id")
    public String decidedEventId;

    @Column(name = "decided_by")
    public String decidedBy;

    public static String key(String planId, int version) {
        return planId + "#" + version;
    }
}

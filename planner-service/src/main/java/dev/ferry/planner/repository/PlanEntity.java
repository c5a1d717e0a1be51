package dev.ferry.planner.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The latest version of a plan as the projection knows it. */
@Entity
@Table(name = "plan")
public class PlanEntity extends PanacheEntityBase {
    @Id
    public String id;

    public int version;

    @Column(name = "discovery_id")
    public String discoveryId;

    public String environment;
    public String status;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The id of the event whose decision stands (the first on the log for this version). */
    @Column(name = "decided_event_id")
    public String decidedEventId;

    public String comment;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    /** The steps as JSON with secrets reduced to fingerprints. */
    @Column(name = "steps_json")
    public String stepsJson;

    public boolean production;

    @Column(name = "plan_hash")
    public String planHash;

    @Column(name = "supersedes_version")
    public Integer supersedesVersion;

    @Column(name = "app_count")
    public int appCount;

    @Column(name = "review_count")
    public int reviewCount;
}

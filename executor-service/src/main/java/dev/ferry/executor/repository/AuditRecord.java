package dev.ferry.executor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the audit trail: who asked for what, when, via what, and what came of it. */
@Entity
@Table(name = "audit_entry")
public class AuditRecord extends PanacheEntityBase {
    /** The id of the event the entry was projected from; the same event never makes two entries. */
    @Id
    @Column(name = "event_id")
    public String eventId;

    /** Insertion order (a database sequence), to keep entries with the same time in log order. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(name = "migration_id")
    public String migrationId;

    @Column(name = "plan_id")
    public String planId;

    @Column(name = "plan_version")
    public Integer planVersion;

    public Instant at;
    public String actor;
    public String action;

    @Column(name = "step_id")
    public String stepId;

    public String via;
    public String outcome;
    public String reason;
    public String comment;
}

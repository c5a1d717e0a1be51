package dev.ferry.executor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One run of an approved plan version. */
@Entity
@Table(name = "migration")
public class MigrationRecord extends PanacheEntityBase {
    @Id
    public String id;

    @Column(name = "plan_id")
    public String planId;

    @Column(name = "plan_version")
    public int planVersion;

    public String environment;
    public String status;

    @Column(name = "failed_step")
    public String failedStep;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The migration aggregate as its events left it, as JSON; the runner decides from it. */
    @Column(name = "state_json")
    public String stateJson;

    /** When the last event of this migration happened; a quiet running migration is resumed. */
    @Column(name = "last_event_at")
    public Instant lastEventAt;
}

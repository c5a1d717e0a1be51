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

/** The state of one step within a migration. */
@Entity
@Table(name = "migration_step")
@IdClass(StepRecord.Key.class)
public class StepRecord extends PanacheEntityBase {
    @Id
    @Column(name = "migration_id")
    public String migrationId;

    @Id
    @Column(name = "step_id")
    public String stepId;

    public int position;

    @Column(name = "step_type")
    public String stepType;

    public String status;
    public int attempts;
    public String summary;
    public String error;

    @Column(name = "duration_ms")
    public Long durationMs;

    /** Ids the step produced, as a JSON object. */
    @Column(name = "outputs_json")
    public String outputsJson;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String gate;

    @Column(name = "gate_instructions")
    public String gateInstructions;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_via")
    public String approvedVia;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "retry_at")
    public Instant retryAt;

    /** Aptible operations the step recorded, operation type to id, as a JSON object. */
    @Column(name = "operations_json")
    public String operationsJson = "{}";

    /** What the engine did with this step, as a JSON array of {at, line}; never secrets. */
    @Column(name = "log_json")
    public String logJson = "[]";

    /** The last progress line of a long step. */
    public String progress;

    @Column(name = "compensated_at")
    public Instant compensatedAt;

    /** Composite key of migration and step. */
    public static class Key implements Serializable {
        public String migrationId;
        public String stepId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(migrationId, k.migrationId) && Objects.equals(stepId, k.stepId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(migrationId, stepId);
        }
    }
}

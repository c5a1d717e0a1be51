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

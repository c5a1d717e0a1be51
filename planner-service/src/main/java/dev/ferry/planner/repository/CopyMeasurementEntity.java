package dev.ferry.planner.repository;

import dev.ferry.planner.domain.CopyMeasurement;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One measured copy, keyed by the step-succeeded event it came from. */
@Entity
@Table(name = "copy_measurement")
public class CopyMeasurementEntity extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "migration_id")
    public String migrationId;

    @Column(name = "step_id")
    public String stepId;

    @Column(name = "plan_id")
    public String planId;

    @Column(name = "source_addon")
    public String sourceAddon;

    public long bytes;

    @Column(name = "copy_ms")
    public long copyMs;

    @Column(name = "measured_at")
    public Instant measuredAt;

    public static CopyMeasurementEntity of(String eventId, CopyMeasurement m) {
        CopyMeasurementEntity e = new CopyMeasurementEntity();
        e.eventId = eventId;
        e.migrationId = m.migrationId();
        e.stepId = m.stepId();
        e.planId = m.planId();
        e.sourceAddon = m.sourceAddon();
        e.bytes = m.bytes();
        e.copyMs = m.copyMillis();
        e.measuredAt = m.measuredAt();
        return e;
    }

    public CopyMeasurement measurement() {
        return new CopyMeasurement(migrationId, stepId, planId, sourceAddon, bytes, copyMs, measuredAt);
    }
}

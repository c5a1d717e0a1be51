package dev.ferry.planner.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which plan version a migration with copy steps runs, so its measured copies name their add-on. */
@Entity
@Table(name = "measured_migration")
public class MeasuredMigrationEntity extends PanacheEntityBase {
    @Id
    @Column(name = "migration_id")
    public String migrationId;

    @Column(name = "plan_id")
    public String planId;

    @Column(name = "plan_version")
    public int planVersion;
}

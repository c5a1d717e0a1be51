package dev.ferry.executor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A plan the executor may run, with its steps as proposed (secrets sealed). */
@Entity
@Table(name = "exec_plan")
public class PlanRecord extends PanacheEntityBase {
    @Id
    public String id;

    public int version;
    public String environment;
    public String status;

    @Column(name = "steps_json")
    public String stepsJson;
}

package dev.ferry.planner.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The scope a discovery was started with, so its estate maps to the right plan. */
@Entity
@Table(name = "discovery_scope")
public class DiscoveryScopeEntity extends PanacheEntityBase {
    @Id
    @Column(name = "discovery_id")
    public String discoveryId;

    @Column(name = "scope_key")
    public String scopeKey;
}

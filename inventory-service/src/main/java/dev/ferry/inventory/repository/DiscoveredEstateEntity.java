package dev.ferry.inventory.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a completed discovery found beyond its apps, stored as its redacted view. */
@Entity
@Table(name = "discovered_estate")
public class DiscoveredEstateEntity extends PanacheEntityBase {
    @Id
    @Column(name = "discovery_id")
    public String discoveryId;

    /** The {@code EstateView} as JSON: teams, spaces, pipelines, dyno sizes; never a secret value. */
    @Column(name = "view_json")
    public String viewJson;
}

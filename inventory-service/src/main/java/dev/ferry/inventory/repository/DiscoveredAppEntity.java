package dev.ferry.inventory.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One app found by a discovery, stored as its redacted view. */
@Entity
@Table(name = "discovered_app")
@IdClass(DiscoveredAppEntity.Key.class)
public class DiscoveredAppEntity extends PanacheEntityBase {
    @Id
    @Column(name = "discovery_id")
    public String discoveryId;

    @Id
    public String name;

    @Column(name = "heroku_id")
    public String herokuId;

    /** The {@code AppView} as JSON: names and fingerprints, never secret values. */
    @Column(name = "view_json")
    public String viewJson;

    /** Composite key of discovery and app name. */
    public static class Key implements Serializable {
        public String discoveryId;
        public String name;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(discoveryId, k.discoveryId) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(discoveryId, name);
        }
    }
}

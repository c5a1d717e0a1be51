package dev.ferry.inventory.drift;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One discovery's snapshot as drift compares it; {@code appsJson} is null until it completed. */
@Entity
@Table(name = "drift_snapshot")
public class DriftSnapshotEntity extends PanacheEntityBase {
    @Id
    @Column(name = "discovery_id")
    public String discoveryId;

    /**
     * {@code account}, {@code team:<name>}, or {@code apps:} and the sorted app names: snapshots of
     * one scope compare. A bare {@code team} is a key projected before it carried the team.
     */
    @Column(name = "scope_key")
    public String scopeKey;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "discovered_at")
    public Instant discoveredAt;

    /** The apps' {@link AppShape}s as JSON. */
    @Column(name = "apps_json")
    public String appsJson;
}

package dev.ferry.inventory.drift;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One {@code estate-drifted} event as the drift projection keeps it. */
@Entity
@Table(name = "drift_event")
public class DriftEventEntity extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "discovery_id")
    public String discoveryId;

    @Column(name = "previous_discovery_id")
    public String previousDiscoveryId;

    @Column(name = "detected_at")
    public Instant detectedAt;

    /** The {@link EstateDiff.Drift} as JSON. */
    @Column(name = "drift_json")
    public String driftJson;
}

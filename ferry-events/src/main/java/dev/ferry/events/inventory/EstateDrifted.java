package dev.ferry.events.inventory;

import dev.ferry.events.EventType;
import java.time.Instant;
import java.util.List;

/**
 * A re-scan found the estate changed since an earlier snapshot.
 *
 * @param discoveryId the re-scan's discovery, whose snapshot is the new state
 * @param previousDiscoveryId the snapshot compared against
 */
@EventType(name = "ferry.inventory.estate-drifted")
public record EstateDrifted(
        String discoveryId,
        String previousDiscoveryId,
        List<String> addedApps,
        List<String> removedApps,
        List<Change> changes,
        Instant detectedAt)
        implements InventoryEvent {

    /**
     * One difference, e.g. kind {@code formation} with detail {@code web: 2 x standard-1x -> 3 x standard-2x}.
     *
     * @param kind {@code formation}, {@code config-var-added}, {@code config-var-removed}, {@code addon-plan},
     *     {@code addon-added}, {@code addon-removed}, {@code domain}, {@code stack}
     */
    public record Change(String app, String kind, String detail) {}
}

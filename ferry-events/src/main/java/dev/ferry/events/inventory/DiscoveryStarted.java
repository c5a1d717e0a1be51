package dev.ferry.events.inventory;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A discovery of a Heroku estate began.
 *
 * @param scope {@code account} for every app the token sees, {@code team} for one team's apps,
 *     {@code apps} for a named list
 * @param apps the requested app names when the scope is {@code apps}
 * @param team the team's name when the scope is {@code team}; added after v1, so optional
 */
@EventType(name = "ferry.inventory.discovery-started")
public record DiscoveryStarted(
        String discoveryId,
        String scope,
        List<String> apps,
        String requestedBy,
        Instant startedAt,
        @Nullable String team)
        implements InventoryEvent {

    /** The v1 shape. */
    public DiscoveryStarted(
            String discoveryId, String scope, List<String> apps, String requestedBy, Instant startedAt) {
        this(discoveryId, scope, apps, requestedBy, startedAt, null);
    }
}

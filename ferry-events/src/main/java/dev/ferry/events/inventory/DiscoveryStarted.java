package dev.ferry.events.inventory;

import dev.ferry.events.EventType;
import java.time.Instant;
import java.util.List;

/**
 * A discovery of a Heroku estate began.
 *
 * @param scope {@code account} for every app the token sees, {@code apps} for a named list
 * @param apps the requested app names when the scope is {@code apps}
 */
@EventType(name = "ferry.inventory.discovery-started")
public record DiscoveryStarted(
        String discoveryId, String scope, List<String> apps, String requestedBy, Instant startedAt)
        implements InventoryEvent {}

package dev.ferry.events.inventory;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A complete snapshot of the estate a discovery read.
 *
 * @param requestedBy who asked for the discovery, the plan's requester; added after v1, so optional
 */
@EventType(name = "ferry.inventory.estate-discovered")
public record EstateDiscovered(
        String discoveryId,
        HerokuAccount account,
        List<AppInventory> apps,
        Instant discoveredAt,
        @Nullable String requestedBy)
        implements InventoryEvent {}

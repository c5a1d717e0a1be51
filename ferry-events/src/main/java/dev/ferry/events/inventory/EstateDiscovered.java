package dev.ferry.events.inventory;

import dev.ferry.events.EventType;
import java.time.Instant;
import java.util.List;

/** A complete snapshot of the estate a discovery read. */
@EventType(name = "ferry.inventory.estate-discovered")
public record EstateDiscovered(String discoveryId, HerokuAccount account, List<AppInventory> apps, Instant discoveredAt)
        implements InventoryEvent {}

package dev.ferry.events.inventory;

import dev.ferry.events.EventType;
import java.time.Instant;

/** A discovery could not complete; nothing partial was recorded for it. */
@EventType(name = "ferry.inventory.discovery-failed")
public record DiscoveryFailed(String discoveryId, String reason, Instant failedAt) implements InventoryEvent {}

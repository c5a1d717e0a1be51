package dev.ferry.events.inventory;

import dev.ferry.events.FerryEvent;

/** Facts about discoveries of a Heroku estate; the aggregate is one discovery. */
public sealed interface InventoryEvent extends FerryEvent
        permits DiscoveryStarted, EstateDiscovered, DiscoveryFailed, EstateDrifted {

    String discoveryId();

    @Override
    default String subject() {
        return discoveryId();
    }
}

package dev.ferry.events.inventory;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A complete snapshot of the estate a discovery read.
 *
 * @param requestedBy who asked for the discovery, the plan's requester; added after v1, so optional
 * @param teams the teams the token can see
 * @param spaces the Private Spaces of the discovered apps
 * @param pipelines the pipelines of the discovered apps
 * @param dynoSizes the dyno sizes the formation uses
 */
@EventType(name = "ferry.inventory.estate-discovered")
public record EstateDiscovered(
        String discoveryId,
        HerokuAccount account,
        List<AppInventory> apps,
        Instant discoveredAt,
        @Nullable String requestedBy,
        @Nullable List<Team> teams,
        @Nullable List<PrivateSpace> spaces,
        @Nullable List<Pipeline> pipelines,
        @Nullable List<DynoSize> dynoSizes)
        implements InventoryEvent {

    /** The v1 shape. */
    public EstateDiscovered(
            String discoveryId,
            HerokuAccount account,
            List<AppInventory> apps,
            Instant discoveredAt,
            @Nullable String requestedBy) {
        this(discoveryId, account, apps, discoveredAt, requestedBy, null, null, null, null);
    }
}

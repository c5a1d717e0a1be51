package dev.ferry.events.inventory;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/**
 * A discovery could not complete; nothing partial was recorded for it. The cause, when Heroku gave
 * one, is named: the app being read, the request and Heroku's status (added after v1, so optional).
 *
 * @param app the app whose reading failed, null when the failure was account-wide
 * @param endpoint the request that failed, e.g. {@code GET /apps/acme-shop/config-vars}
 * @param status Heroku's HTTP status, e.g. 401 or 403
 */
@EventType(name = "ferry.inventory.discovery-failed")
public record DiscoveryFailed(
        String discoveryId,
        String reason,
        Instant failedAt,
        @Nullable String app,
        @Nullable String endpoint,
        @Nullable Integer status)
        implements InventoryEvent {

    /** The v1 shape. */
    public DiscoveryFailed(String discoveryId, String reason, Instant failedAt) {
        this(discoveryId, reason, failedAt, null, null, null);
    }
}

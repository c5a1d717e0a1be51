package dev.ferry.events.inventory;

import dev.ferry.events.Nullable;
import java.time.Instant;
import java.util.List;

/** A certificate an app serves; the private key is never read. */
public record SniEndpoint(
        String id,
        String name,
        List<String> commonNames,
        @Nullable Instant expiresAt,
        boolean acm) {}

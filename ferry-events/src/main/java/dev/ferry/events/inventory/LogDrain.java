package dev.ferry.events.inventory;

import dev.ferry.events.Nullable;
import dev.ferry.events.secret.SealedSecret;

/**
 * A log drain. Drain URLs often embed tokens, so the URL is sealed and only its host is shown.
 *
 * @param addon the add-on that created the drain, e.g. {@code papertrail-rigid-12}; null if added by hand
 */
public record LogDrain(
        String id, String host, SealedSecret url, @Nullable String addon) {}

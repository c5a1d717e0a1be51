package dev.ferry.events.inventory;

import dev.ferry.events.Nullable;

/** Heroku Redis facts from the Data API. */
public record RedisInfo(
        String plan,
        @Nullable String version,
        @Nullable String maxmemoryPolicy,
        @Nullable Boolean tls) {}

package dev.ferry.events.inventory;

import dev.ferry.events.Nullable;
import java.util.List;

/**
 * Heroku Postgres facts from the Data API.
 *
 * @param followers names of follower databases
 */
public record PostgresInfo(
        String plan,
        @Nullable Long numBytes,
        @Nullable Integer numTables,
        @Nullable String version,
        List<String> followers,
        @Nullable String status) {}

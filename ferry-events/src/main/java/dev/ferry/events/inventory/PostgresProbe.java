package dev.ferry.events.inventory;

import dev.ferry.events.Nullable;
import java.util.List;

/**
 * What a read-only probe of a PostgreSQL database found; {@code error} says why it could not run.
 *
 * @param sizeBytes {@code pg_database_size}
 * @param tablesWithoutPrimaryKey schema-qualified names
 * @param walLevel {@code replica} or {@code logical}
 * @param canReplicate whether the role may replicate (superuser or REPLICATION)
 * @param logicalSyncPossible wal_level is logical and the role may replicate
 */
public record PostgresProbe(
        boolean reachable,
        @Nullable String error,
        @Nullable Long sizeBytes,
        @Nullable String serverVersion,
        List<Extension> extensions,
        @Nullable Integer tables,
        List<String> tablesWithoutPrimaryKey,
        @Nullable Long largeObjects,
        @Nullable Integer sequences,
        @Nullable String walLevel,
        @Nullable Boolean canReplicate,
        @Nullable Boolean logicalSyncPossible) {

    /** An installed extension and the schema it lives in, e.g. {@code heroku_ext}. */
    public record Extension(String name, String schema, String version) {}
}

package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/**
 * A person cancelled a migration; no further step runs and nothing is undone.
 *
 * @param via {@code rest} or {@code slack}; null in events written before it was recorded
 */
@EventType(name = "ferry.migration.cancelled")
public record MigrationCancelled(
        String migrationId,
        String by,
        @Nullable String reason,
        Instant at,
        @Nullable String via) implements MigrationEvent {

    /** The v1 shape, without the channel. */
    public MigrationCancelled(String migrationId, String by, @Nullable String reason, Instant at) {
        this(migrationId, by, reason, at, null);
    }
}

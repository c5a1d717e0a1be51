package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/**
 * A person paused a migration: running steps finish, no new step starts.
 *
 * @param via {@code rest} or {@code slack}; null in events written before it was recorded
 */
@EventType(name = "ferry.migration.paused")
public record MigrationPaused(
        String migrationId, String by, Instant at, @Nullable String via) implements MigrationEvent {

    /** The v1 shape, without the channel. */
    public MigrationPaused(String migrationId, String by, Instant at) {
        this(migrationId, by, at, null);
    }
}

package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * Rollback began: compensations run in reverse order back to the last point of no return.
 *
 * @param stepIds the steps to compensate, in the order they will be undone
 * @param via {@code rest} or {@code slack}; null in events written before it was recorded
 */
@EventType(name = "ferry.migration.rollback-started")
public record RollbackStarted(
        String migrationId,
        String by,
        List<String> stepIds,
        Instant at,
        @Nullable String via) implements MigrationEvent {

    /** The v1 shape, without the channel. */
    public RollbackStarted(String migrationId, String by, List<String> stepIds, Instant at) {
        this(migrationId, by, stepIds, at, null);
    }
}

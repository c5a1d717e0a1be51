package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/** How far a long step (a data copy) has come, appended every few seconds while it runs. */
@EventType(name = "ferry.migration.step-progress")
public record StepProgress(
        String migrationId,
        String stepId,
        String stepType,
        long bytesDone,
        @Nullable Long bytesTotal,
        long rowsDone,
        int tablesDone,
        @Nullable Integer tablesTotal,
        @Nullable Long etaSeconds,
        String message,
        Instant at)
        implements MigrationEvent {}

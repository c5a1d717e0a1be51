package dev.ferry.events.migration;

import dev.ferry.events.FerryEvent;

/** Facts about running an approved plan; the aggregate is one migration. */
public sealed interface MigrationEvent extends FerryEvent
        permits MigrationStarted,
                StepStarted,
                StepSucceeded,
                StepFailed,
                MigrationCompleted,
                MigrationFailed,
                StepProgress,
                StepHeartbeat,
                OperationRecorded,
                GateOpened,
                GateApproved,
                StepCompensated,
                MigrationPaused,
                MigrationResumed,
                MigrationCancelled,
                RollbackStarted,
                MigrationRolledBack,
                StepRetried,
                CompensationFailed,
                CommandRejected {

    String migrationId();

    @Override
    default String subject() {
        return migrationId();
    }
}

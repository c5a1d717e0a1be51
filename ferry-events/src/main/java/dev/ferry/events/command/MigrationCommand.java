package dev.ferry.events.command;

/** A request about a migration, decided by the executor. */
public sealed interface MigrationCommand extends Command
        permits ApproveGate, RetryStep, PauseMigration, ResumeMigration, CancelMigration, RollbackMigration {

    String migrationId();

    @Override
    default String subject() {
        return migrationId();
    }
}

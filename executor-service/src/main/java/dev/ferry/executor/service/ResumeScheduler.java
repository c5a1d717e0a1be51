package dev.ferry.executor.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Looks at every active migration this instance owns at a steady pace: due retries and ended waits
 * start, and a step the log shows running that nobody reports on (its executor died) is run again once
 * the migration has been quiet; being an "ensure" it creates nothing twice.
 */
@ApplicationScoped
public class ResumeScheduler {
    private final MigrationStore store;
    private final MigrationRunner runner;
    private final Ownership ownership;

    public ResumeScheduler(MigrationStore store, MigrationRunner runner, Ownership ownership) {
        this.store = store;
        this.runner = runner;
        this.ownership = ownership;
    }

    @Scheduled(
            every = "${executor.resume.every:10s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> lookAtActiveMigrations() {
        return store.active()
                .invoke(ids -> ids.stream().filter(ownership::owns).forEach(runner::kick))
                .replaceWithVoid();
    }
}

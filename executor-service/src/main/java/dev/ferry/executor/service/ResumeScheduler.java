package dev.ferry.executor.service;

import dev.ferry.executor.config.ExecutorConfig;
import dev.ferry.executor.messaging.MigrationTrigger;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Resumes running migrations that went quiet, such as one whose executor died mid-step: the step is
 * run again, and being an "ensure" it creates nothing twice.
 */
@ApplicationScoped
public class ResumeScheduler {
    private static final Logger LOG = Logger.getLogger(ResumeScheduler.class);

    private final MigrationStore store;
    private final MigrationTrigger trigger;
    private final MigrationRunner runner;
    private final Clock clock;
    private final Duration quietFor;

    public ResumeScheduler(
            MigrationStore store,
            MigrationTrigger trigger,
            MigrationRunner runner,
            Clock clock,
            ExecutorConfig config) {
        this.store = store;
        this.trigger = trigger;
        this.runner = runner;
        this.clock = clock;
        this.quietFor = config.resume().quietFor();
    }

    @Scheduled(
            every = "${executor.resume.every:10s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> resumeQuietMigrations() {
        return store.quietRunning(clock.instant().minus(quietFor))
                .invoke(ids -> ids.stream().filter(id -> !runner.isInFlight(id)).forEach(id -> {
                    LOG.infof("Resuming quiet migration %s", id);
                    trigger.advance(id);
                }))
                .replaceWithVoid();
    }
}

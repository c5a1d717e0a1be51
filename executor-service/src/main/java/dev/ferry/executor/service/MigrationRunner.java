package dev.ferry.executor.service;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.events.EventIds;
import dev.ferry.events.migration.MigrationCompleted;
import dev.ferry.events.migration.MigrationFailed;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.executor.client.AptibleApiException;
import dev.ferry.executor.config.ExecutorConfig;
import dev.ferry.executor.domain.Migration;
import dev.ferry.executor.step.StepContext;
import dev.ferry.executor.step.StepException;
import dev.ferry.executor.step.StepHandler;
import dev.ferry.executor.step.StepOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Moves a migration forward one step at a time. It reads the state its events built, decides, runs
 * the step's "ensure" and appends what happened; the next step starts when the success event is
 * consumed, so a crash at any line resumes from the log.
 */
@ApplicationScoped
public class MigrationRunner {
    private static final Logger LOG = Logger.getLogger(MigrationRunner.class);

    private final MigrationStore store;
    private final EventLog eventLog;
    private final Map<String, StepHandler> handlers;
    private final ExecutorConfig.Steps policy;
    private final Clock clock;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();

    public MigrationRunner(
            MigrationStore store,
            EventLog eventLog,
            Instance<StepHandler> handlers,
            ExecutorConfig config,
            Clock clock) {
        this.store = store;
        this.eventLog = eventLog;
        this.handlers = handlers.stream().collect(Collectors.toMap(StepHandler::type, Function.identity()));
        this.policy = config.steps();
        this.clock = clock;
    }

    /** Whether this instance is moving the migration right now. */
    public boolean isInFlight(String migrationId) {
        return inFlight.contains(migrationId);
    }

    /** Advances a migration unless it is already being advanced here; then it is looked at again afterwards. */
    public Uni<Void> advance(String migrationId) {
        if (!inFlight.add(migrationId)) {
            again.add(migrationId);
            return Uni.createFrom().voidItem();
        }
        return store.load(migrationId)
                .flatMap(loaded -> loaded == null ? Uni.createFrom().voidItem() : act(loaded))
                .onTermination()
                .invoke(() -> inFlight.remove(migrationId))
                .onItemOrFailure()
                .transformToUni((ok, failure) -> {
                    if (failure != null) {
                        LOG.errorf(failure, "Advancing migration %s failed; it will be resumed", migrationId);
                    }
                    return again.remove(migrationId)
                            ? advance(migrationId)
                            : Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> act(MigrationStore.Loaded loaded) {
        Migration migration = loaded.migration();
        Migration.Decision decision = migration.decide();
        if (decision instanceof Migration.Complete complete) {
            long duration =
                    Duration.between(migration.startedAt(), clock.instant()).toMillis();
            return eventLog.append(
                            EventIds.derive(migration.id(), "completed"),
                            new MigrationCompleted(
                                    migration.id(),
                                    migration.planId(),
                                    complete.stepCount(),
                                    duration,
                                    clock.instant()))
                    .replaceWithVoid();
        }
        if (decision instanceof Migration.RunStep run) {
            PlanStep step = loaded.planSteps().get(run.step().id());
            if (step == null) {
                return fail(
                        migration,
                        run.step().id(),
                        "The plan has no step " + run.step().id());
            }
            return runStep(migration, step, run.attempt());
        }
        LOG.debugf("Migration %s waits: %s", migration.id(), ((Migration.Wait) decision).why());
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> runStep(Migration migration, PlanStep step, int attempt) {
        StepHandler handler = handlers.get(step.type());
        if (handler == null) {
            return fail(migration, step.id(), "No handler for step type " + step.type());
        }
        long start = System.nanoTime();
        StepContext context = new StepContext(migration.id(), migration.environment(), step, migration.outputs());
        return eventLog.append(new StepStarted(migration.id(), step.id(), step.type(), attempt, clock.instant()))
                .flatMap(started -> Uni.createFrom().deferred(() -> handler.ensure(context)))
                .onItem()
                .transformToUni(outcome -> succeeded(migration, step, outcome, start))
                .onFailure()
                .recoverWithUni(failure -> failed(migration, step, attempt, failure, start));
    }

    private Uni<Void> succeeded(Migration migration, PlanStep step, StepOutcome outcome, long start) {
        LOG.infof("Migration %s: step %s succeeded: %s", migration.id(), step.id(), outcome.summary());
        return eventLog.append(new StepSucceeded(
                        migration.id(),
                        step.id(),
                        step.type(),
                        outcome.summary(),
                        outcome.outputs(),
                        elapsed(start),
                        clock.instant()))
                .replaceWithVoid();
    }

    private Uni<Void> failed(Migration migration, PlanStep step, int attempt, Throwable failure, long start) {
        String error = describe(failure);
        boolean retryable = retryable(failure) && attempt < policy.maxAttempts();
        LOG.warnf("Migration %s: step %s attempt %d failed: %s", migration.id(), step.id(), attempt, error);
        Uni<Void> recorded = eventLog.append(new StepFailed(
                        migration.id(), step.id(), step.type(), attempt, error, elapsed(start), clock.instant()))
                .replaceWithVoid();
        if (retryable) {
            return recorded.onItem().delayIt().by(backoff(attempt)).flatMap(v -> runStep(migration, step, attempt + 1));
        }
        return recorded.flatMap(v -> fail(
                migration,
                step.id(),
                "Step " + step.id() + " failed after " + attempt + " attempt" + (attempt == 1 ? "" : "s") + ": "
                        + error));
    }

    private Uni<Void> fail(Migration migration, String stepId, String reason) {
        return eventLog.append(
                        EventIds.derive(migration.id(), "failed", stepId),
                        new MigrationFailed(migration.id(), migration.planId(), stepId, reason, clock.instant()))
                .replaceWithVoid();
    }

    private Duration backoff(int attempt) {
        long base = policy.backoff().toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private static boolean retryable(Throwable failure) {
        if (failure instanceof StepException step) {
            return step.retryable();
        }
        if (failure instanceof AptibleApiException aptible) {
            return aptible.retryable();
        }
        return true;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    private static long elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}

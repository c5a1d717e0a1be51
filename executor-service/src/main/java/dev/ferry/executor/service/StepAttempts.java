package dev.ferry.executor.service;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.events.EventIds;
import dev.ferry.events.migration.CompensationFailed;
import dev.ferry.events.migration.OperationRecorded;
import dev.ferry.events.migration.StepCompensated;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.plan.RetryPolicy;
import dev.ferry.executor.client.AptibleApiException;
import dev.ferry.executor.config.ExecutorConfig;
import dev.ferry.executor.domain.Action;
import dev.ferry.executor.domain.Migration;
import dev.ferry.executor.domain.RetryDelay;
import dev.ferry.executor.domain.StepState;
import dev.ferry.executor.step.OperationJournal;
import dev.ferry.executor.step.StepContext;
import dev.ferry.executor.step.StepException;
import dev.ferry.executor.step.StepHandler;
import dev.ferry.executor.step.StepOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs one attempt of a step (or of its compensation) and appends what happened: started, operations
 * recorded, succeeded, or failed with the time of the next attempt decided once and recorded.
 */
@ApplicationScoped
public class StepAttempts {
    private static final Logger LOG = Logger.getLogger(StepAttempts.class);

    private final EventLog eventLog;
    private final Map<String, StepHandler> handlers;
    private final ExecutorConfig.Steps defaults;
    private final RunnerHooks hooks;
    private final StepMetrics metrics;
    private final Heartbeats heartbeats;
    private final Clock clock;

    public StepAttempts(
            EventLog eventLog,
            Instance<StepHandler> handlers,
            ExecutorConfig config,
            RunnerHooks hooks,
            StepMetrics metrics,
            Heartbeats heartbeats,
            Clock clock) {
        this.eventLog = eventLog;
        this.handlers = handlers.stream().collect(Collectors.toMap(StepHandler::type, Function.identity()));
        this.defaults = config.steps();
        this.hooks = hooks;
        this.metrics = metrics;
        this.heartbeats = heartbeats;
        this.clock = clock;
    }

    /** The handler of a step type, or null. */
    public StepHandler handler(String type) {
        return handlers.get(type);
    }

    /** The step's retry policy, or the configured default. */
    public RetryPolicy policy(PlanStep plan) {
        if (plan != null && plan.retry() != null) {
            return plan.retry();
        }
        return new RetryPolicy(
                defaults.maxAttempts(),
                defaults.backoff().toMillis(),
                defaults.maxBackoff().toMillis());
    }

    /** Runs an {@link Action.Execute}: announce, then (unless it only starts a wait) run the handler. */
    public Uni<Void> execute(Migration migration, PlanStep plan, Action.Execute action) {
        StepState step = action.step();
        Uni<Void> announced = action.announce()
                ? eventLog.append(
                                EventIds.derive(
                                        migration.id(), step.id(), "started", Integer.toString(action.attempt())),
                                new StepStarted(
                                        migration.id(), step.id(), step.type(), action.attempt(), clock.instant()))
                        .replaceWithVoid()
                : Uni.createFrom().voidItem();
        if (action.announce() && action.attempt() > 1) {
            metrics.retry(typeTag(step));
        }
        if (action.waitOnly()) {
            return announced.invoke(
                    () -> LOG.infof("Migration %s: step %s waits %d s", migration.id(), step.id(), step.waitSeconds()));
        }
        long start = System.nanoTime();
        return announced
                .flatMap(v -> heartbeats.during(
                        migration.id(), step, action.attempt(), false, false, run(migration, plan, step)))
                .flatMap(outcome -> succeeded(migration, step, action.attempt(), outcome, start))
                .onFailure(failure -> !(failure instanceof RunnerHooks.SimulatedCrash))
                .recoverWithUni(failure -> failed(migration, plan, step, action.attempt(), failure, start));
    }

    private Uni<StepOutcome> run(Migration migration, PlanStep plan, StepState step) {
        if (plan == null) {
            return Uni.createFrom().failure(new StepException("The plan has no step " + step.id(), false));
        }
        StepHandler handler = handlers.get(plan.type());
        if (handler == null) {
            return Uni.createFrom().failure(new StepException("No handler for step type " + plan.type(), false));
        }
        Duration timeout =
                plan.timeoutSeconds() != null ? Duration.ofSeconds(plan.timeoutSeconds()) : defaults.timeout();
        String limit = plan.timeoutSeconds() != null ? "the step's timeoutSeconds" : "executor.steps.timeout";
        StepContext context = new StepContext(
                migration.id(),
                migration.environment(),
                plan,
                migration.outputs(),
                step.operations(),
                journal(migration.id()));
        return Uni.createFrom()
                .deferred(() -> handler.ensure(context))
                .ifNoItem()
                .after(timeout)
                .failWith(() -> new StepException(
                        "Attempt timed out after " + timeout.toSeconds() + " s (" + limit + ")", true));
    }

    private OperationJournal journal(String migrationId) {
        return (stepId, operationType, operationId, resource) -> eventLog.append(
                        EventIds.derive(migrationId, stepId, "operation", operationType, operationId),
                        new OperationRecorded(
                                migrationId, stepId, operationType, operationId, resource, clock.instant()))
                .flatMap(recorded -> hooks.afterOperationRecorded(migrationId, stepId));
    }

    private Uni<Void> succeeded(Migration migration, StepState step, int attempt, StepOutcome outcome, long start) {
        LOG.infof("Migration %s: step %s succeeded: %s", migration.id(), step.id(), outcome.summary());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return eventLog.append(
                        EventIds.derive(migration.id(), step.id(), "succeeded", Integer.toString(attempt)),
                        new StepSucceeded(
                                migration.id(),
                                step.id(),
                                step.type(),
                                outcome.summary(),
                                outcome.outputs(),
                                elapsed(start),
                                clock.instant()))
                .invoke(() -> metrics.attempt(typeTag(step), StepMetrics.SUCCEEDED, took))
                .replaceWithVoid();
    }

    private Uni<Void> failed(
            Migration migration, PlanStep plan, StepState step, int attempt, Throwable failure, long start) {
        String error = describe(failure);
        Instant retryAt = nextAttemptAt(plan, attempt - step.retryBase(), failure);
        LOG.warnf(
                "Migration %s: step %s attempt %d failed: %s%s",
                migration.id(), step.id(), attempt, error, retryAt == null ? " (final)" : "");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return eventLog.append(
                        EventIds.derive(migration.id(), step.id(), "failed", Integer.toString(attempt)),
                        new StepFailed(
                                migration.id(),
                                step.id(),
                                step.type(),
                                attempt,
                                error,
                                elapsed(start),
                                clock.instant(),
                                retryAt))
                .invoke(() -> metrics.attempt(
                        typeTag(step), retryAt == null ? StepMetrics.FAILED : StepMetrics.RETRYING, took))
                .replaceWithVoid();
    }

    /** Runs an {@link Action.Compensate}: the handler's undo, or nothing when the plan says nothing undoes it. */
    public Uni<Void> compensate(Migration migration, PlanStep plan, Action.Compensate action) {
        StepState step = action.step();
        Uni<StepOutcome> undo;
        StepHandler handler = plan == null ? null : handlers.get(plan.type());
        if (plan == null || plan.compensation() == null || handler == null) {
            undo = Uni.createFrom().item(new StepOutcome("Nothing to undo for " + step.id(), Map.of()));
        } else {
            StepContext context = new StepContext(
                    migration.id(),
                    migration.environment(),
                    plan,
                    migration.outputs(),
                    step.operations(),
                    journal(migration.id()));
            undo = heartbeats.during(
                    migration.id(),
                    step,
                    action.attempt(),
                    true,
                    true,
                    Uni.createFrom().deferred(() -> handler.compensate(context)));
        }
        return undo.flatMap(outcome -> eventLog.append(
                                EventIds.derive(migration.id(), step.id(), "compensated"),
                                new StepCompensated(
                                        migration.id(), step.id(), step.type(), outcome.summary(), clock.instant()))
                        .invoke(() -> metrics.attempt(typeTag(step), StepMetrics.COMPENSATED, null))
                        .replaceWithVoid())
                .onFailure(failure -> !(failure instanceof RunnerHooks.SimulatedCrash))
                .recoverWithUni(failure -> {
                    Instant retryAt = nextAttemptAt(plan, action.attempt(), failure);
                    return eventLog.append(
                                    EventIds.derive(
                                            migration.id(),
                                            step.id(),
                                            "compensation-failed",
                                            Integer.toString(action.attempt())),
                                    new CompensationFailed(
                                            migration.id(),
                                            step.id(),
                                            step.type(),
                                            action.attempt(),
                                            describe(failure),
                                            clock.instant(),
                                            retryAt))
                            .invoke(() -> metrics.attempt(typeTag(step), StepMetrics.COMPENSATION_FAILED, null))
                            .replaceWithVoid();
                });
    }

    private String typeTag(StepState step) {
        return StepMetrics.tag(step.type(), handlers.keySet());
    }

    /** When to try again, or null when the error cannot get better or the budget is spent. */
    private Instant nextAttemptAt(PlanStep plan, int attemptsMade, Throwable failure) {
        RetryPolicy policy = policy(plan);
        if (!retryable(failure) || attemptsMade >= policy.maxAttempts()) {
            return null;
        }
        return clock.instant().plus(RetryDelay.fullJitter(policy, attemptsMade, ThreadLocalRandom.current()));
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

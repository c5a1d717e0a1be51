package dev.ferry.executor.service;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.common.observability.EventTracing;
import dev.ferry.common.observability.LogContext;
import dev.ferry.events.EventIds;
import dev.ferry.events.migration.GateOpened;
import dev.ferry.events.migration.MigrationCompleted;
import dev.ferry.events.migration.MigrationFailed;
import dev.ferry.events.migration.MigrationRolledBack;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.executor.config.ExecutorConfig;
import dev.ferry.executor.domain.Action;
import dev.ferry.executor.domain.Migration;
import dev.ferry.executor.domain.StepState;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Moves migrations forward: loads the aggregate its events built, asks it what to do next, and starts
 * that (steps in parallel up to the configured bound, gates, completion, compensations). Progress is
 * never kept here: this class only remembers which attempts it is running right now, until the log
 * shows their outcome, so a crash at any line resumes from the log.
 */
@ApplicationScoped
public class MigrationRunner {
    private static final Logger LOG = Logger.getLogger(MigrationRunner.class);

    private final MigrationStore store;
    private final StepAttempts attempts;
    private final EventLog eventLog;
    private final Ownership ownership;
    private final EventTracing tracing;
    private final Vertx vertx;
    private final Clock clock;
    private final Migration.Pace pace;
    private final Set<String> advancing = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, Busy>> busy = new ConcurrentHashMap<>();
    private final Map<String, Instant> wakeUps = new ConcurrentHashMap<>();
    private final Map<String, Long> caughtUpAt = new ConcurrentHashMap<>();
    private final Set<String> catchingUp = ConcurrentHashMap.newKeySet();
    private final AppendedIds appended = new AppendedIds(10_000);

    public MigrationRunner(
            MigrationStore store,
            StepAttempts attempts,
            EventLog eventLog,
            Ownership ownership,
            EventTracing tracing,
            Vertx vertx,
            ExecutorConfig config,
            Clock clock) {
        this.store = store;
        this.attempts = attempts;
        this.eventLog = eventLog;
        this.ownership = ownership;
        this.tracing = tracing;
        this.vertx = vertx;
        this.clock = clock;
        this.pace =
                new Migration.Pace(config.steps().parallelism(), config.resume().quietFor(), config.timeScale());
    }

    /** An attempt this process runs; kept until the log reflects its outcome. */
    private static final class Busy {
        final int attempt;
        final boolean compensation;
        final boolean waitOnly;
        volatile boolean done;
        volatile boolean abandoned;

        Busy(int attempt, boolean compensation, boolean waitOnly) {
            this.attempt = attempt;
            this.compensation = compensation;
            this.waitOnly = waitOnly;
        }

        boolean reflectedIn(StepState s) {
            if (abandoned) {
                return true;
            }
            if (!done) {
                return false;
            }
            if (compensation) {
                return s.compensated() || s.compensationAttempts() >= attempt;
            }
            if (waitOnly || s.attempts() > attempt) {
                return s.attempts() >= attempt;
            }
            return s.attempts() >= attempt && !s.status().equals(StepState.RUNNING);
        }
    }

    /** Whether this process runs any attempt of the migration right now. */
    public boolean isBusy(String migrationId) {
        Map<String, Busy> mine = busy.get(migrationId);
        return mine != null && mine.values().stream().anyMatch(b -> !b.done);
    }

    /** Starts advancing a migration on a fresh Vert.x context; returns at once. */
    public void kick(String migrationId) {
        spawn(
                () -> LogContext.around(() -> advance(migrationId), LogContext.MIGRATION_ID, migrationId),
                "advance migration " + migrationId);
    }

    /** Advances a migration unless it is being advanced here; then it is looked at again afterwards. */
    public Uni<Void> advance(String migrationId) {
        if (!advancing.add(migrationId)) {
            again.add(migrationId);
            return Uni.createFrom().voidItem();
        }
        long loadedAt = System.nanoTime();
        return store.load(migrationId)
                .flatMap(loaded -> loaded == null ? Uni.createFrom().voidItem() : act(loaded, loadedAt))
                .onTermination()
                .invoke(() -> advancing.remove(migrationId))
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

    private Uni<Void> act(MigrationStore.Loaded loaded, long loadedAt) {
        Migration migration = loaded.migration();
        if (!ownership.owns(migration.id())) {
            LOG.debugf("Migration %s belongs to another instance's partition; not advancing it", migration.id());
            return Uni.createFrom().voidItem();
        }
        if (loaded.planSteps().isEmpty() && !migration.ended()) {
            // The plan travels on another topic and may be projected after the migration's first events.
            LOG.debugf("Migration %s: its plan is not projected yet; looking again shortly", migration.id());
            wakeAt(migration.id(), clock.instant().plusSeconds(1));
            return Uni.createFrom().voidItem();
        }
        if (migration.ended() && !isBusy(migration.id())) {
            busy.remove(migration.id());
            return Uni.createFrom().voidItem();
        }
        Map<String, Busy> mine = busy.computeIfAbsent(migration.id(), id -> new ConcurrentHashMap<>());
        mine.entrySet()
                .removeIf(e -> migration.ended()
                        || migration
                                .step(e.getKey())
                                .map(e.getValue()::reflectedIn)
                                .orElse(true));
        Migration.Agenda agenda = migration.next(clock.instant(), mine.keySet(), pace);
        if (agenda.wakeAt() != null) {
            wakeAt(migration.id(), agenda.wakeAt());
        }
        List<Action> actions = agenda.actions();
        if (actions.stream().anyMatch(MigrationRunner::takesOver) && !loadedAfterCatchingUp(migration.id(), loadedAt)) {
            actions = actions.stream().filter(a -> !takesOver(a)).toList();
        }
        return Multi.createFrom()
                .iterable(actions)
                .onItem()
                .transformToUniAndConcatenate(action -> perform(loaded, mine, action))
                .collect()
                .last()
                .replaceWithVoid();
    }

    /**
     * Whether an action runs a step (or undoes one) that another process may still be working on: its
     * attempt shows running, or its compensation beat, and nobody here runs it.
     */
    private static boolean takesOver(Action action) {
        if (action instanceof Action.Execute e) {
            return e.announce() && e.step().status().equals(StepState.RUNNING);
        }
        return action instanceof Action.Compensate c && c.step().compensationAliveAt() != null;
    }

    /**
     * A takeover is decided only from a state loaded after this instance projected its partition up to
     * the end: a stale projection could miss the other process's latest heartbeat or its outcome. The
     * first time, the check is started and the migration is looked at again once it passed.
     */
    private boolean loadedAfterCatchingUp(String migrationId, long loadedAt) {
        Long at = caughtUpAt.get(migrationId);
        if (at != null && at - loadedAt < 0) {
            caughtUpAt.remove(migrationId, at);
            return true;
        }
        if (catchingUp.add(migrationId)) {
            ownership
                    .caughtUp(migrationId)
                    .onTermination()
                    .invoke(() -> catchingUp.remove(migrationId))
                    .subscribe()
                    .with(done -> {
                        if (done) {
                            caughtUpAt.put(migrationId, System.nanoTime());
                            kick(migrationId);
                        } else {
                            LOG.infof(
                                    "Migration %s: the projection has not caught up with its log; a step left"
                                            + " running is not taken over yet",
                                    migrationId);
                            wakeAt(migrationId, clock.instant().plusSeconds(1));
                        }
                    });
        }
        return false;
    }

    private Uni<Void> perform(MigrationStore.Loaded loaded, Map<String, Busy> mine, Action action) {
        Migration m = loaded.migration();
        if (action instanceof Action.Execute execute) {
            PlanStep plan = loaded.planSteps().get(execute.step().id());
            start(
                    m.id(),
                    mine,
                    execute.step(),
                    new Busy(execute.attempt(), false, execute.waitOnly()),
                    () -> attempts.execute(m, plan, execute));
        } else if (action instanceof Action.Compensate compensate) {
            PlanStep plan = loaded.planSteps().get(compensate.step().id());
            start(
                    m.id(),
                    mine,
                    compensate.step(),
                    new Busy(compensate.attempt(), true, false),
                    () -> attempts.compensate(m, plan, compensate));
        } else if (action instanceof Action.OpenGate gate) {
            StepState s = gate.step();
            LOG.infof(
                    "Migration %s: step %s waits for a person (%s)",
                    m.id(), s.id(), s.gate().kind());
            return append(
                    EventIds.derive(m.id(), s.id(), "gate-opened"),
                    new GateOpened(m.id(), s.id(), s.gate().kind(), s.gate().instructions(), clock.instant()));
        } else if (action instanceof Action.Complete complete) {
            long duration = Duration.between(m.startedAt(), clock.instant()).toMillis();
            return append(
                    EventIds.derive(m.id(), "completed"),
                    new MigrationCompleted(m.id(), m.planId(), complete.stepCount(), duration, clock.instant()));
        } else if (action instanceof Action.Fail fail) {
            return append(
                    EventIds.derive(
                            m.id(),
                            "failed",
                            fail.step().id(),
                            Integer.toString(fail.step().attempts())),
                    new MigrationFailed(m.id(), m.planId(), fail.step().id(), fail.reason(), clock.instant()));
        } else if (action instanceof Action.FinishRollback) {
            return append(EventIds.derive(m.id(), "rolled-back"), new MigrationRolledBack(m.id(), clock.instant()));
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * Appends a decision once: a pass that runs before the projection reflects an append this process
     * already made (the log acknowledged it, so it will be) would otherwise append the same event again.
     */
    private Uni<Void> append(String id, dev.ferry.events.FerryEvent event) {
        if (appended.contains(id)) {
            LOG.debugf("Event %s was appended already; waiting for the projection to reflect it", id);
            return Uni.createFrom().voidItem();
        }
        return eventLog.append(id, event).invoke(() -> appended.add(id)).replaceWithVoid();
    }

    /**
     * Runs an attempt in the background, in a span of its own and with the migration and step in the
     * log context; when it ends the migration is looked at again.
     */
    private void start(
            String migrationId, Map<String, Busy> mine, StepState step, Busy entry, Supplier<Uni<Void>> work) {
        if (!ownership.owns(migrationId)) {
            return;
        }
        String stepId = step.id();
        mine.put(stepId, entry);
        spawn(
                () -> LogContext.around(
                                () -> tracing.inSpan(
                                        (entry.compensation ? "compensate " : "step ") + step.type(),
                                        () -> Uni.createFrom().deferred(work::get)),
                                LogContext.MIGRATION_ID,
                                migrationId,
                                LogContext.STEP_ID,
                                stepId,
                                LogContext.STEP_TYPE,
                                step.type())
                        .onItemOrFailure()
                        .transformToUni((ok, failure) -> {
                            if (failure != null) {
                                // Nothing (or not everything) was recorded: the log decides what happens next.
                                entry.abandoned = true;
                                LOG.warnf(
                                        "Migration %s: attempt %d of %s stopped without an outcome: %s",
                                        migrationId, entry.attempt, stepId, failure.getMessage());
                            }
                            entry.done = true;
                            return advance(migrationId);
                        }),
                "step " + stepId + " of " + migrationId);
    }

    private void wakeAt(String migrationId, Instant at) {
        Instant known = wakeUps.get(migrationId);
        Instant now = clock.instant();
        if (known != null && known.isAfter(now) && !known.isAfter(at)) {
            return;
        }
        wakeUps.put(migrationId, at);
        long delay = Math.max(1, Duration.between(now, at).toMillis() + 5);
        io.opentelemetry.context.Context trace = EventTracing.current();
        vertx.setTimer(delay, id -> {
            wakeUps.remove(migrationId, at);
            // A retry after its backoff stays in the trace that scheduled it.
            try (io.opentelemetry.context.Scope ignored = trace.makeCurrent()) {
                kick(migrationId);
            }
        });
    }

    /** Starts work on a fresh duplicated context that keeps the caller's trace. */
    private void spawn(Supplier<Uni<Void>> work, String what) {
        io.opentelemetry.context.Context trace = EventTracing.current();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> {
            EventTracing.adopt(trace);
            Uni.createFrom()
                    .deferred(work::get)
                    .subscribe()
                    .with(ok -> {}, failure -> LOG.errorf(failure, "Could not %s", what));
        });
    }
}

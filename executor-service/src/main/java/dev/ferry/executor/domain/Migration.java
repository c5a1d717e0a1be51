package dev.ferry.executor.domain;

import dev.ferry.events.Nullable;
import dev.ferry.events.command.ApproveGate;
import dev.ferry.events.command.CancelMigration;
import dev.ferry.events.command.MigrationCommand;
import dev.ferry.events.command.PauseMigration;
import dev.ferry.events.command.ResumeMigration;
import dev.ferry.events.command.RetryStep;
import dev.ferry.events.command.RollbackMigration;
import dev.ferry.events.migration.CompensationFailed;
import dev.ferry.events.migration.GateApproved;
import dev.ferry.events.migration.GateOpened;
import dev.ferry.events.migration.MigrationCancelled;
import dev.ferry.events.migration.MigrationCompleted;
import dev.ferry.events.migration.MigrationEvent;
import dev.ferry.events.migration.MigrationFailed;
import dev.ferry.events.migration.MigrationPaused;
import dev.ferry.events.migration.MigrationResumed;
import dev.ferry.events.migration.MigrationRolledBack;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.migration.OperationRecorded;
import dev.ferry.events.migration.RollbackStarted;
import dev.ferry.events.migration.StepCompensated;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.migration.StepHeartbeat;
import dev.ferry.events.migration.StepProgress;
import dev.ferry.events.migration.StepRetried;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.plan.PlanStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The migration aggregate. Its state is a fold of its events ({@link #evolve}); it decides what
 * commands are allowed ({@link #decide}) and what the engine does next ({@link #next}), and never
 * performs anything itself.
 *
 * @param rollbackOrder the steps a rollback undoes, in the order it undoes them
 */
public record Migration(
        String id,
        String planId,
        int planVersion,
        String environment,
        String status,
        Instant startedAt,
        Instant lastEventAt,
        @Nullable String failedStep,
        @Nullable String failureReason,
        List<String> rollbackOrder,
        List<StepState> steps) {
    public static final String RUNNING = "running";
    public static final String PAUSED = "paused";
    public static final String FAILED = "failed";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";
    public static final String ROLLING_BACK = "rolling-back";
    public static final String ROLLED_BACK = "rolled-back";
    public static final String ROLLBACK_FAILED = "rollback-failed";

    /** How the engine paces a migration. */
    public record Pace(int parallelism, Duration quietFor, double timeScale) {}

    /** The actions to take now, and when to look again (null: only when an event arrives). */
    public record Agenda(List<Action> actions, @Nullable Instant wakeAt) {}

    /** The state right after {@code MigrationStarted}, with each step as the plan describes it. */
    public static Migration start(MigrationStarted started, Map<String, PlanStep> plan) {
        List<StepState> steps = started.stepIds().stream()
                .map(id -> StepState.of(id, plan.get(id)))
                .toList();
        return new Migration(
                started.migrationId(),
                started.planId(),
                started.planVersion(),
                started.environment(),
                RUNNING,
                started.startedAt(),
                started.startedAt(),
                null,
                null,
                List.of(),
                steps);
    }

    public Optional<StepState> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** Outputs of the steps that succeeded, by step id. */
    public Map<String, Map<String, String>> outputs() {
        return steps.stream().filter(StepState::succeeded).collect(Collectors.toMap(StepState::id, StepState::outputs));
    }

    public boolean ended() {
        return Set.of(COMPLETED, CANCELLED, ROLLED_BACK, ROLLBACK_FAILED).contains(status);
    }

    // ---- evolve --------------------------------------------------------------------------------

    /** The state after one more event; events that no longer apply (a late duplicate) change nothing. */
    public Migration evolve(MigrationEvent event) {
        if (event instanceof StepStarted e) {
            return withStep(e.stepId(), e.startedAt(), s -> {
                if (s.status.equals(StepState.SUCCEEDED) || e.attempt() < s.attempts) {
                    return;
                }
                s.status = StepState.RUNNING;
                s.attempts = e.attempt();
                s.retryAt = null;
                s.lastStartedAt = e.startedAt();
                if (s.firstStartedAt == null) {
                    s.firstStartedAt = e.startedAt();
                }
            });
        } else if (event instanceof StepSucceeded e) {
            return withStep(e.stepId(), e.completedAt(), s -> {
                if (s.status.equals(StepState.SUCCEEDED) || s.compensated) {
                    return;
                }
                s.status = StepState.SUCCEEDED;
                s.summary = e.summary();
                s.outputs = Map.copyOf(e.outputs());
                s.error = null;
                s.retryAt = null;
                s.successOrder = 1
                        + (int) steps.stream().filter(o -> o.successOrder() > 0).count();
            });
        } else if (event instanceof StepFailed e) {
            return withStep(e.stepId(), e.failedAt(), s -> {
                if (s.status.equals(StepState.SUCCEEDED) || e.attempt() < s.attempts) {
                    return;
                }
                s.attempts = Math.max(s.attempts, e.attempt());
                s.error = e.error();
                s.retryAt = e.retryAt();
                s.status = e.retryAt() == null ? StepState.FAILED : StepState.RETRYING;
            });
        } else if (event instanceof OperationRecorded e) {
            return withStep(e.stepId(), e.at(), s -> s.operation(e.operationType(), e.operationId()));
        } else if (event instanceof GateOpened e) {
            return withStep(e.stepId(), e.openedAt(), s -> {
                if (s.approval == null) {
                    s.approval = StepState.Approval.OPEN;
                    if (s.status.equals(StepState.PENDING)) {
                        s.status = StepState.AWAITING_APPROVAL;
                    }
                }
            });
        } else if (event instanceof GateApproved e) {
            return withStep(e.stepId(), e.approvedAt(), s -> {
                if (s.approval == null || !s.approval.approved()) {
                    s.approval = new StepState.Approval(true, e.approvedBy(), e.via(), e.approvedAt());
                    if (s.status.equals(StepState.AWAITING_APPROVAL)) {
                        s.status = StepState.PENDING;
                    }
                }
            });
        } else if (event instanceof StepRetried e) {
            Migration m = withStep(e.stepId(), e.at(), s -> {
                if (s.status.equals(StepState.FAILED)) {
                    s.status = StepState.PENDING;
                    s.retryBase = s.attempts;
                    s.retryAt = null;
                }
            });
            return m.status.equals(FAILED) ? m.withStatus(RUNNING, null, null) : m;
        } else if (event instanceof StepProgress e) {
            return touch(e.at());
        } else if (event instanceof StepHeartbeat e) {
            return heartbeat(e);
        } else if (event instanceof MigrationPaused e) {
            return (status.equals(RUNNING) ? withStatus(PAUSED, failedStep, failureReason) : this).touch(e.at());
        } else if (event instanceof MigrationResumed e) {
            return (status.equals(PAUSED) ? withStatus(RUNNING, failedStep, failureReason) : this).touch(e.at());
        } else if (event instanceof MigrationCancelled e) {
            return (ended() ? this : withStatus(CANCELLED, failedStep, failureReason)).touch(e.at());
        } else if (event instanceof MigrationFailed e) {
            // A failure decided just before a pause still counts: its id is derived, it is not decided again.
            boolean applies = status.equals(RUNNING) || status.equals(PAUSED);
            return (applies ? withStatus(FAILED, e.failedStepId(), e.reason()) : this).touch(e.failedAt());
        } else if (event instanceof MigrationCompleted e) {
            return (ended() ? this : withStatus(COMPLETED, null, null)).touch(e.completedAt());
        } else if (event instanceof RollbackStarted e) {
            return new Migration(
                    id,
                    planId,
                    planVersion,
                    environment,
                    ROLLING_BACK,
                    startedAt,
                    later(e.at()),
                    failedStep,
                    failureReason,
                    List.copyOf(e.stepIds()),
                    steps);
        } else if (event instanceof StepCompensated e) {
            return withStep(e.stepId(), e.at(), s -> {
                s.compensated = true;
                s.status = StepState.COMPENSATED;
                s.compensationRetryAt = null;
                s.compensationAliveAt = null;
                s.summary = e.summary();
            });
        } else if (event instanceof CompensationFailed e) {
            Migration m = withStep(e.stepId(), e.failedAt(), s -> {
                s.compensationAttempts = Math.max(s.compensationAttempts, e.attempt());
                s.compensationRetryAt = e.retryAt();
                s.compensationAliveAt = null;
                s.error = "Compensation failed: " + e.error();
            });
            return e.retryAt() == null && status.equals(ROLLING_BACK)
                    ? m.withStatus(ROLLBACK_FAILED, e.stepId(), "Could not undo " + e.stepId() + ": " + e.error())
                    : m;
        } else if (event instanceof MigrationRolledBack e) {
            return withStatus(ROLLED_BACK, failedStep, failureReason).touch(e.at());
        }
        return this;
    }

    /** The state after a sequence of events, e.g. the whole log of this migration after its start. */
    public Migration evolveAll(List<? extends MigrationEvent> events) {
        Migration m = this;
        for (MigrationEvent e : events) {
            m = m.evolve(e);
        }
        return m;
    }

    /**
     * A running attempt's sign of life: it keeps the migration from looking quiet (so a new owner waits
     * for the attempt instead of running the step again) and marks a running compensation. A heartbeat
     * of an attempt whose outcome is known already changes nothing.
     */
    private Migration heartbeat(StepHeartbeat e) {
        Optional<StepState> step = step(e.stepId());
        if (ended() || step.isEmpty()) {
            return this;
        }
        StepState s = step.get();
        if (e.compensation()) {
            if (s.compensated() || e.attempt() <= s.compensationAttempts()) {
                return this;
            }
            return withStep(e.stepId(), e.at(), d -> d.compensationAliveAt = latest(d.compensationAliveAt, e.at()));
        }
        boolean running = s.status().equals(StepState.RUNNING) && s.attempts() == e.attempt();
        return running ? touch(e.at()) : this;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private Migration withStep(String stepId, Instant at, Consumer<StepState.Draft> change) {
        List<StepState> changed = steps.stream()
                .map(s -> {
                    if (!s.id().equals(stepId)) {
                        return s;
                    }
                    StepState.Draft draft = s.draft();
                    change.accept(draft);
                    return draft.build();
                })
                .toList();
        return new Migration(
                id,
                planId,
                planVersion,
                environment,
                status,
                startedAt,
                later(at),
                failedStep,
                failureReason,
                rollbackOrder,
                changed);
    }

    private Migration withStatus(String newStatus, String failed, String reason) {
        return new Migration(
                id,
                planId,
                planVersion,
                environment,
                newStatus,
                startedAt,
                lastEventAt,
                failed,
                reason,
                rollbackOrder,
                steps);
    }

    private Migration touch(Instant at) {
        return new Migration(
                id,
                planId,
                planVersion,
                environment,
                status,
                startedAt,
                later(at),
                failedStep,
                failureReason,
                rollbackOrder,
                steps);
    }

    private Instant later(Instant at) {
        return at != null && at.isAfter(lastEventAt) ? at : lastEventAt;
    }

    // ---- decide: commands ----------------------------------------------------------------------

    /** Whether a person's command is allowed now, and the events that record it. */
    public Verdict decide(MigrationCommand command, Instant now) {
        if (command instanceof ApproveGate c) {
            return approve(c, now);
        } else if (command instanceof RetryStep c) {
            return retry(c, now);
        } else if (command instanceof PauseMigration c) {
            return status.equals(RUNNING)
                    ? Verdict.accept(new MigrationPaused(id, c.requestedBy(), now, c.via()))
                    : Verdict.conflict(
                            "Migration " + id + " is " + status + "; only a running migration can be paused");
        } else if (command instanceof ResumeMigration c) {
            return status.equals(PAUSED)
                    ? Verdict.accept(new MigrationResumed(id, c.requestedBy(), now, c.via()))
                    : Verdict.conflict("Migration " + id + " is " + status + ", not paused; nothing to resume");
        } else if (command instanceof CancelMigration c) {
            return Set.of(RUNNING, PAUSED, FAILED).contains(status)
                    ? Verdict.accept(new MigrationCancelled(id, c.requestedBy(), c.reason(), now, c.via()))
                    : Verdict.conflict("Migration " + id + " is " + status + " and can no longer be cancelled");
        } else if (command instanceof RollbackMigration c) {
            return rollback(c, now);
        }
        throw new IllegalArgumentException(
                "Unknown command " + command.getClass().getSimpleName());
    }

    private Verdict approve(ApproveGate c, Instant now) {
        Optional<StepState> step = step(c.stepId());
        if (step.isEmpty()) {
            return Verdict.notFound("Migration " + id + " has no step " + c.stepId());
        }
        StepState s = step.get();
        if (ended() || status.equals(ROLLING_BACK)) {
            return Verdict.conflict("Migration " + id + " is " + status + "; its gates can no longer be approved");
        }
        if (s.approval() == null || !s.approval().opened()) {
            return Verdict.conflict("Step " + s.id() + " has no open gate (it is " + s.status() + ")");
        }
        if (s.approval().approved()) {
            return Verdict.conflict("Step " + s.id() + " was already approved by "
                    + s.approval().by());
        }
        return Verdict.accept(new GateApproved(id, s.id(), c.requestedBy(), c.via(), c.comment(), now));
    }

    private Verdict retry(RetryStep c, Instant now) {
        Optional<StepState> step = step(c.stepId());
        if (step.isEmpty()) {
            return Verdict.notFound("Migration " + id + " has no step " + c.stepId());
        }
        if (!step.get().failedForGood()) {
            return Verdict.conflict("Step " + c.stepId() + " did not fail (it is "
                    + step.get().status() + "); only a failed step can be retried");
        }
        if (!status.equals(FAILED) && !status.equals(RUNNING) && !status.equals(PAUSED)) {
            return Verdict.conflict("Migration " + id + " is " + status + "; its steps can no longer be retried");
        }
        return Verdict.accept(new StepRetried(id, c.stepId(), c.requestedBy(), c.via(), now));
    }

    private Verdict rollback(RollbackMigration c, Instant now) {
        if (!Set.of(FAILED, PAUSED, CANCELLED, COMPLETED).contains(status)) {
            return Verdict.conflict("Migration " + id + " is " + status
                    + "; pause it first (only a failed, paused, cancelled or completed migration can be rolled back)");
        }
        List<String> running = steps.stream()
                .filter(s -> s.status().equals(StepState.RUNNING) && s.waitSeconds() == 0)
                .map(StepState::id)
                .toList();
        if (!running.isEmpty()) {
            return Verdict.conflict("Steps " + running + " are still running; roll back once they have finished");
        }
        List<String> order = compensationOrder();
        RollbackStarted started = new RollbackStarted(id, c.requestedBy(), order, now, c.via());
        return order.isEmpty() ? Verdict.accept(started, new MigrationRolledBack(id, now)) : Verdict.accept(started);
    }

    /** Succeeded steps, latest success first, back to (not including) the last succeeded point of no return. */
    List<String> compensationOrder() {
        List<StepState> bySuccess = steps.stream()
                .filter(s -> s.status().equals(StepState.SUCCEEDED))
                .sorted(Comparator.comparingInt(StepState::successOrder).reversed())
                .toList();
        List<String> order = new ArrayList<>();
        for (StepState s : bySuccess) {
            if (s.pointOfNoReturn()) {
                break;
            }
            order.add(s.id());
        }
        return order;
    }

    // ---- decide: the engine --------------------------------------------------------------------

    /**
     * What to do now. {@code busyHere} are the steps this process is executing; a step the log shows
     * running that nobody here runs is taken over only once the migration has been quiet for a while.
     */
    public Agenda next(Instant now, Set<String> busyHere, Pace pace) {
        return switch (status) {
            case RUNNING -> nextStep(now, busyHere, pace);
            case ROLLING_BACK -> nextCompensation(now, busyHere, pace);
            default -> new Agenda(List.of(), null);
        };
    }

    private Agenda nextStep(Instant now, Set<String> busyHere, Pace pace) {
        Optional<StepState> failed =
                steps.stream().filter(StepState::failedForGood).findFirst();
        if (failed.isPresent()) {
            StepState f = failed.get();
            int made = f.attempts() - f.retryBase();
            return new Agenda(
                    List.of(new Action.Fail(
                            f,
                            "Step " + f.id() + " failed after " + made + " attempt" + (made == 1 ? "" : "s") + ": "
                                    + f.error())),
                    null);
        }
        if (steps.stream().allMatch(StepState::succeeded)) {
            return new Agenda(List.of(new Action.Complete(steps.size())), null);
        }
        Set<String> succeeded =
                steps.stream().filter(StepState::succeeded).map(StepState::id).collect(Collectors.toSet());
        boolean quiet = !lastEventAt.isAfter(now.minus(pace.quietFor()));
        // A step the log shows running holds a slot while the migration is busy; once it is quiet, no
        // live process runs it, so it is waiting to be taken over and must not block its own takeover.
        long occupied = steps.stream()
                .filter(s -> busyHere.contains(s.id())
                        || (s.status().equals(StepState.RUNNING) && !waiting(s, now, pace) && !quiet))
                .count();
        long free = pace.parallelism() - occupied;
        List<Action> actions = new ArrayList<>();
        Instant wake = null;
        for (StepState s : steps) {
            if (busyHere.contains(s.id())) {
                continue;
            }
            switch (s.status()) {
                case StepState.PENDING -> {
                    if (!succeeded.containsAll(s.dependsOn())) {
                        continue;
                    }
                    if (!s.gateSatisfied()) {
                        if (s.approval() == null) {
                            actions.add(new Action.OpenGate(s));
                        }
                    } else if (free > 0) {
                        actions.add(new Action.Execute(s, s.attempts() + 1, true, s.waitSeconds() > 0));
                        free--;
                    }
                }
                case StepState.RETRYING -> {
                    if (s.retryAt() != null && s.retryAt().isAfter(now)) {
                        wake = earlier(wake, s.retryAt());
                    } else if (free > 0) {
                        actions.add(new Action.Execute(s, s.attempts() + 1, true, false));
                        free--;
                    }
                }
                case StepState.RUNNING -> {
                    Instant until = s.waitUntil(pace.timeScale());
                    if (until != null && until.isAfter(now)) {
                        wake = earlier(wake, until);
                    } else if (until != null) {
                        actions.add(new Action.Execute(s, s.attempts(), false, false));
                    } else if (quiet && free > 0) {
                        actions.add(new Action.Execute(s, s.attempts() + 1, true, false));
                        free--;
                    }
                }
                default -> {}
            }
        }
        return new Agenda(actions, wake);
    }

    private static boolean waiting(StepState s, Instant now, Pace pace) {
        Instant until = s.waitUntil(pace.timeScale());
        return until != null && until.isAfter(now);
    }

    private Agenda nextCompensation(Instant now, Set<String> busyHere, Pace pace) {
        for (String stepId : rollbackOrder) {
            StepState s = step(stepId).orElseThrow();
            if (s.compensated()) {
                continue;
            }
            if (busyHere.contains(stepId)) {
                return new Agenda(List.of(), null);
            }
            // Another process's compensation of this step still beats: wait for its outcome, or its silence.
            Instant silentAt = s.compensationAliveAt() == null
                    ? null
                    : s.compensationAliveAt().plus(pace.quietFor());
            if (silentAt != null && silentAt.isAfter(now)) {
                return new Agenda(List.of(), silentAt);
            }
            if (s.compensationRetryAt() != null && s.compensationRetryAt().isAfter(now)) {
                return new Agenda(List.of(), s.compensationRetryAt());
            }
            return new Agenda(List.of(new Action.Compensate(s, s.compensationAttempts() + 1)), null);
        }
        return new Agenda(List.of(new Action.FinishRollback()), null);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}

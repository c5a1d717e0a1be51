package dev.ferry.executor.domain;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.ferry.events.migration.StepRetried;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.plan.PlanStep;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationTest {
    static final Instant T = Instant.parse("2026-11-26T12:00:00Z");
    static final Migration.Pace PACE = new Migration.Pace(2, Duration.ofSeconds(20), 1.0);

    static PlanStep step(String id, String type, String... deps) {
        return new PlanStep(id, type, id, "why", List.of(deps), Map.of("instructions", "Do " + id), Map.of());
    }

    static PlanStep with(PlanStep s, String gate, Long wait, Boolean pointOfNoReturn, String needsReview) {
        return new PlanStep(
                s.id(),
                s.type(),
                s.title(),
                s.reason(),
                s.dependsOn(),
                s.parameters(),
                s.secrets(),
                null,
                null,
                gate,
                wait,
                null,
                null,
                null,
                "undo-" + s.type(),
                pointOfNoReturn,
                needsReview);
    }

    static Migration migration(PlanStep... steps) {
        Map<String, PlanStep> plan = new LinkedHashMap<>();
        for (PlanStep s : steps) {
            plan.put(s.id(), s);
        }
        return Migration.start(
                new MigrationStarted(
                        "m",
                        "p",
                        1,
                        "acme",
                        Arrays.stream(steps).map(PlanStep::id).toList(),
                        T),
                plan);
    }

    static Migration chain() {
        return migration(
                step("env", "ensure-environment"),
                step("app", "ensure-app", "env"),
                step("cfg", "configure-app", "app"));
    }

    static StepStarted started(String step, int attempt, Instant at) {
        return new StepStarted("m", step, "t", attempt, at);
    }

    static StepSucceeded succeeded(String step, Instant at) {
        return new StepSucceeded("m", step, "t", "done " + step, Map.of("id", step), 5, at);
    }

    static StepFailed failed(String step, int attempt, Instant retryAt) {
        return new StepFailed("m", step, "t", attempt, "boom", 5, T.plusSeconds(attempt), retryAt);
    }

    static List<Action> actions(Migration m, Instant now, String... busy) {
        return m.next(now, Set.of(busy), PACE).actions();
    }

    // ---- the engine ----------------------------------------------------------------------------

    @Test
    void startsEveryStepWhoseDependenciesSucceededUpToTheParallelism() {
        Migration m = migration(step("a", "x"), step("b", "x"), step("c", "x"), step("d", "x", "a"));
        assertThat(actions(m, T))
                .extracting(a -> ((Action.Execute) a).step().id())
                .containsExactly("a", "b");
        assertThat(actions(m, T, "a"))
                .extracting(a -> ((Action.Execute) a).step().id())
                .containsExactly("b");
    }

    @Test
    void aStepRunsOnlyAfterItsDependencySucceeded() {
        Migration m = chain().evolve(started("env", 1, T));
        assertThat(actions(m, T.plusSeconds(1))).isEmpty();
        m = m.evolve(succeeded("env", T.plusSeconds(2)));
        assertThat(actions(m, T.plusSeconds(2)))
                .containsExactly(new Action.Execute(m.step("app").orElseThrow(), 1, true, false));
    }

    @Test
    void completesWhenEveryStepSucceeded() {
        Migration m = chain().evolveAll(List.of(succeeded("env", T), succeeded("app", T), succeeded("cfg", T)));
        assertThat(actions(m, T)).containsExactly(new Action.Complete(3));
        assertThat(m.evolve(new MigrationCompleted("m", "p", 3, 10, T)).status())
                .isEqualTo(Migration.COMPLETED);
    }

    @Test
    void aFailedAttemptWithARetryTimeWaitsUntilThenRunsTheNextAttempt() {
        Instant retryAt = T.plusSeconds(10);
        Migration m = chain().evolve(started("env", 1, T)).evolve(failed("env", 1, retryAt));
        assertThat(m.step("env").orElseThrow().status()).isEqualTo(StepState.RETRYING);
        Migration.Agenda early = m.next(T.plusSeconds(5), Set.of(), PACE);
        assertThat(early.actions()).isEmpty();
        assertThat(early.wakeAt()).isEqualTo(retryAt);
        assertThat(actions(m, retryAt))
                .containsExactly(new Action.Execute(m.step("env").orElseThrow(), 2, true, false));
    }

    @Test
    void aFinalFailureFailsTheMigration() {
        Migration m = chain().evolve(started("env", 1, T)).evolve(failed("env", 1, null));
        assertThat(actions(m, T))
                .singleElement()
                .isInstanceOfSatisfying(
                        Action.Fail.class, f -> assertThat(f.reason()).contains("env failed after 1 attempt: boom"));
        m = m.evolve(new MigrationFailed("m", "p", "env", "boom", T));
        assertThat(m.status()).isEqualTo(Migration.FAILED);
        assertThat(actions(m, T)).isEmpty();
    }

    @Test
    void aStepLeftRunningIsTakenOverOnlyOnceTheMigrationIsQuiet() {
        Migration m = chain().evolve(started("env", 1, T));
        assertThat(actions(m, T.plusSeconds(5))).isEmpty();
        assertThat(actions(m, T.plusSeconds(21)))
                .containsExactly(new Action.Execute(m.step("env").orElseThrow(), 2, true, false));
        assertThat(actions(m, T.plusSeconds(21), "env")).isEmpty();
    }

    static StepHeartbeat beat(String step, int attempt, Instant at) {
        return new StepHeartbeat("m", step, "t", attempt, false, at);
    }

    @Test
    void aRunningAttemptThatStillBeatsIsNeverTakenOverAndOnceSilentItIs() {
        // The partition moved to a new owner while the old one still runs "env": its heartbeats reach the
        // log, so the migration never looks quiet, however long the attempt takes.
        Migration m = chain().evolve(started("env", 1, T));
        for (int s = 5; s <= 120; s += 5) {
            m = m.evolve(beat("env", 1, T.plusSeconds(s)));
            assertThat(actions(m, T.plusSeconds(s + 4)))
                    .as("%d s in, the attempt beat 4 s ago", s)
                    .isEmpty();
        }
        assertThat(m.lastEventAt()).isEqualTo(T.plusSeconds(120));
        assertThat(actions(m, T.plusSeconds(139))).as("19 s of silence").isEmpty();
        assertThat(actions(m, T.plusSeconds(141)))
                .as("the attempt fell silent (its process died): taken over")
                .containsExactly(new Action.Execute(m.step("env").orElseThrow(), 2, true, false));
    }

    @Test
    void aHeartbeatOfAnAttemptWhoseOutcomeIsKnownChangesNothing() {
        Migration running = chain().evolve(started("env", 2, T));
        assertThat(running.evolve(beat("env", 1, T.plusSeconds(30))))
                .as("an older attempt's late beat")
                .isEqualTo(running);
        Migration done = running.evolve(succeeded("env", T.plusSeconds(1)));
        assertThat(done.evolve(beat("env", 2, T.plusSeconds(30)))).isEqualTo(done);
        Migration completed = succeededInOrder(chain(), "env", "app", "cfg")
                .evolve(new MigrationCompleted("m", "p", 3, 10, T.plusSeconds(2)));
        assertThat(completed.evolve(beat("cfg", 1, T.plusSeconds(30)))).isEqualTo(completed);
    }

    @Test
    void moreAbandonedStepsThanParallelismAreAllTakenOverOnceQuiet() {
        // Parallelism 2 (PACE); three independent steps were left running by a process that died.
        Migration m = migration(step("a", "x"), step("b", "x"), step("c", "x"));
        m = m.evolve(started("a", 1, T)).evolve(started("b", 1, T)).evolve(started("c", 1, T));
        assertThat(actions(m, T.plusSeconds(5)))
                .as("still busy: nothing is taken over")
                .isEmpty();
        assertThat(actions(m, T.plusSeconds(21)))
                .as("quiet: as many as parallelism allows are taken over, not none")
                .hasSize(2)
                .allSatisfy(a -> assertThat(a).isInstanceOf(Action.Execute.class));
        assertThat(actions(m, T.plusSeconds(21), "a", "b"))
                .as("the third once the first two run here")
                .isEmpty();
    }

    @Test
    void aTimedWaitCountsFromItsStartEventScaledAndThenRuns() {
        Migration m = migration(with(step("wait", "timed-wait"), null, 100L, null, null));
        assertThat(actions(m, T))
                .containsExactly(new Action.Execute(m.step("wait").orElseThrow(), 1, true, true));
        m = m.evolve(started("wait", 1, T));
        Migration.Pace tenth = new Migration.Pace(2, Duration.ofSeconds(20), 0.1);
        Migration.Agenda waiting = m.next(T.plusSeconds(5), Set.of(), tenth);
        assertThat(waiting.actions()).isEmpty();
        assertThat(waiting.wakeAt()).isEqualTo(T.plusSeconds(10));
        assertThat(m.next(T.plusSeconds(10), Set.of(), tenth).actions())
                .containsExactly(new Action.Execute(m.step("wait").orElseThrow(), 1, false, false));
        // A wait that has not ended does not hold a parallelism slot.
        assertThat(m.next(T.plusSeconds(5), Set.of(), tenth).actions()).isEmpty();
    }

    @Test
    void aGatedStepOpensItsGateOnceAndRunsOnlyAfterApproval() {
        Migration m =
                migration(step("env", "x"), with(step("deploy", "deploy-app", "env"), "approval", null, null, null));
        m = m.evolve(succeeded("env", T));
        assertThat(actions(m, T))
                .containsExactly(new Action.OpenGate(m.step("deploy").orElseThrow()));
        m = m.evolve(new GateOpened("m", "deploy", "approval", "Do deploy", T));
        assertThat(m.step("deploy").orElseThrow().status()).isEqualTo(StepState.AWAITING_APPROVAL);
        assertThat(actions(m, T)).isEmpty();
        m = m.evolve(new GateApproved("m", "deploy", "carol", "slack", "go", T.plusSeconds(3)));
        StepState deploy = m.step("deploy").orElseThrow();
        assertThat(deploy.approval().by()).isEqualTo("carol");
        assertThat(deploy.approval().via()).isEqualTo("slack");
        assertThat(actions(m, T.plusSeconds(3))).containsExactly(new Action.Execute(deploy, 1, true, false));
    }

    @ParameterizedTest
    @MethodSource("gates")
    void gateKinds(PlanStep plan, String kind, String instructionsContain) {
        Migration m = migration(plan);
        assertThat(actions(m, T)).singleElement().isInstanceOfSatisfying(Action.OpenGate.class, g -> {
            assertThat(g.step().gate().kind()).isEqualTo(kind);
            assertThat(g.step().gate().instructions()).contains(instructionsContain);
        });
    }

    static Stream<Arguments> gates() {
        return Stream.of(
                Arguments.of(step("t", "manual-task"), "manual-task", "Do t"),
                Arguments.of(step("a", "approval"), "approval", "Do a"),
                Arguments.of(with(step("d", "deploy-app"), "manual-task", null, null, null), "manual-task", "Do d"),
                Arguments.of(
                        with(step("r", "ensure-database"), null, null, null, "engine version guessed"),
                        "approval",
                        "Review before this step runs: engine version guessed"));
    }

    @Test
    void aStepThatNeedsReviewNeverRunsUnattended() {
        Migration m = migration(with(step("db", "ensure-database"), null, null, null, "size unknown"));
        assertThat(actions(m, T)).noneMatch(a -> a instanceof Action.Execute);
        m = m.evolve(new GateOpened("m", "db", "approval", "x", T));
        assertThat(actions(m, T.plusSeconds(100))).isEmpty();
    }

    @Test
    void pauseStopsNewStepsAndResumeGoesOn() {
        Migration m = chain().evolve(new MigrationPaused("m", "bob", T));
        assertThat(m.status()).isEqualTo(Migration.PAUSED);
        assertThat(actions(m, T)).isEmpty();
        m = m.evolve(new MigrationResumed("m", "bob", T));
        assertThat(m.status()).isEqualTo(Migration.RUNNING);
        assertThat(actions(m, T)).hasSize(1);
    }

    @Test
    void cancelEndsTheMigrationAndLateOutcomesStillCount() {
        Migration m = chain().evolve(started("env", 1, T)).evolve(new MigrationCancelled("m", "bob", "wrong day", T));
        assertThat(m.status()).isEqualTo(Migration.CANCELLED);
        assertThat(m.ended()).isTrue();
        m = m.evolve(succeeded("env", T.plusSeconds(1)));
        assertThat(m.step("env").orElseThrow().status()).isEqualTo(StepState.SUCCEEDED);
        assertThat(actions(m, T.plusSeconds(1))).isEmpty();
    }

    @Test
    void aRetriedStepRunsAgainWithAFreshBudgetAndTheMigrationRunsAgain() {
        Migration m = chain().evolve(started("env", 1, T))
                .evolve(failed("env", 1, null))
                .evolve(new MigrationFailed("m", "p", "env", "boom", T));
        m = m.evolve(new StepRetried("m", "env", "bob", "rest", T.plusSeconds(5)));
        StepState env = m.step("env").orElseThrow();
        assertThat(m.status()).isEqualTo(Migration.RUNNING);
        assertThat(env.status()).isEqualTo(StepState.PENDING);
        assertThat(env.retryBase()).isEqualTo(1);
        assertThat(actions(m, T.plusSeconds(5))).containsExactly(new Action.Execute(env, 2, true, false));
    }

    @Test
    void anOutcomeDecidedJustBeforeAPauseOrCancelIsKeptOrIgnoredAsTheStatusAllows() {
        Migration paused = chain().evolve(new MigrationPaused("m", "bob", T));
        assertThat(paused.evolve(new MigrationFailed("m", "p", "env", "boom", T))
                        .status())
                .isEqualTo(Migration.FAILED);
        assertThat(paused.evolve(new MigrationCompleted("m", "p", 3, 1, T)).status())
                .isEqualTo(Migration.COMPLETED);
        Migration cancelled = chain().evolve(new MigrationCancelled("m", "bob", null, T));
        assertThat(cancelled.evolve(new MigrationCompleted("m", "p", 3, 1, T)).status())
                .isEqualTo(Migration.CANCELLED);
        assertThat(cancelled
                        .evolve(new MigrationFailed("m", "p", "env", "boom", T))
                        .status())
                .isEqualTo(Migration.CANCELLED);
    }

    @Test
    void operationsAreRecordedPerStep() {
        Migration m = chain().evolve(new OperationRecorded("m", "cfg", "configure", "77", "app 5", T));
        assertThat(m.step("cfg").orElseThrow().operations()).containsEntry("configure", "77");
    }

    @Test
    void lateAndDuplicateEventsChangeNothing() {
        Migration m = chain().evolve(started("env", 2, T)).evolve(succeeded("env", T));
        assertThat(m.evolve(failed("env", 1, null)).steps()).isEqualTo(m.steps());
        assertThat(m.evolve(succeeded("env", T))).isEqualTo(m);
        assertThat(m.evolve(started("env", 1, T))).isEqualTo(m);
    }

    // ---- rollback ------------------------------------------------------------------------------

    static Migration succeededInOrder(Migration m, String... ids) {
        for (String id : ids) {
            m = m.evolve(succeeded(id, T));
        }
        return m;
    }

    @Test
    void rollbackUndoesInReverseOrderOfSuccessBackToThePointOfNoReturn() {
        Migration m =
                migration(step("a", "x"), with(step("b", "x"), null, null, true, null), step("c", "x"), step("d", "x"));
        m = succeededInOrder(m, "a", "b", "d", "c").evolve(new MigrationPaused("m", "bob", T));
        Verdict verdict = m.decide(new RollbackMigration("m", "bob", "rest", T), T);
        assertThat(verdict).isEqualTo(Verdict.accept(new RollbackStarted("m", "bob", List.of("c", "d"), T, "rest")));
        m = m.evolve(new RollbackStarted("m", "bob", List.of("c", "d"), T));
        assertThat(m.status()).isEqualTo(Migration.ROLLING_BACK);
        assertThat(actions(m, T))
                .containsExactly(new Action.Compensate(m.step("c").orElseThrow(), 1));
        assertThat(actions(m, T, "c")).isEmpty();
        m = m.evolve(new StepCompensated("m", "c", "x", "undone", T));
        assertThat(actions(m, T))
                .containsExactly(new Action.Compensate(m.step("d").orElseThrow(), 1));
        m = m.evolve(new StepCompensated("m", "d", "x", "undone", T));
        assertThat(actions(m, T)).containsExactly(new Action.FinishRollback());
        m = m.evolve(new MigrationRolledBack("m", T));
        assertThat(m.status()).isEqualTo(Migration.ROLLED_BACK);
        assertThat(m.step("a").orElseThrow().status()).isEqualTo(StepState.SUCCEEDED);
        assertThat(m.step("c").orElseThrow().status()).isEqualTo(StepState.COMPENSATED);
    }

    @Test
    void rollbackWithNothingToUndoEndsAtOnce() {
        Migration m = migration(with(step("a", "x"), null, null, true, null));
        m = succeededInOrder(m, "a").evolve(new MigrationCancelled("m", "bob", null, T));
        assertThat(m.decide(new RollbackMigration("m", "bob", "rest", T), T))
                .isEqualTo(Verdict.accept(
                        new RollbackStarted("m", "bob", List.of(), T, "rest"), new MigrationRolledBack("m", T)));
    }

    @Test
    void aCompensationFailureIsRetriedThenLeavesTheRollbackToAPerson() {
        Migration m = succeededInOrder(chain(), "env")
                .evolve(new MigrationPaused("m", "bob", T))
                .evolve(new RollbackStarted("m", "bob", List.of("env"), T));
        m = m.evolve(new CompensationFailed("m", "env", "x", 1, "503", T, T.plusSeconds(4)));
        Migration.Agenda agenda = m.next(T.plusSeconds(1), Set.of(), PACE);
        assertThat(agenda.actions()).isEmpty();
        assertThat(agenda.wakeAt()).isEqualTo(T.plusSeconds(4));
        assertThat(actions(m, T.plusSeconds(4)))
                .containsExactly(new Action.Compensate(m.step("env").orElseThrow(), 2));
        m = m.evolve(new CompensationFailed("m", "env", "x", 2, "503", T, null));
        assertThat(m.status()).isEqualTo(Migration.ROLLBACK_FAILED);
        assertThat(m.failureReason()).contains("Could not undo env");
    }

    @Test
    void aCompensationThatBeatsElsewhereIsWaitedForAndTakenOverOnlyOnceSilent() {
        Migration m = succeededInOrder(chain(), "env")
                .evolve(new MigrationPaused("m", "bob", T))
                .evolve(new RollbackStarted("m", "bob", List.of("env"), T));
        m = m.evolve(new StepHeartbeat("m", "env", "x", 1, true, T.plusSeconds(1)));
        Migration.Agenda waiting = m.next(T.plusSeconds(2), Set.of(), PACE);
        assertThat(waiting.actions()).as("another process undoes env right now").isEmpty();
        assertThat(waiting.wakeAt()).isEqualTo(T.plusSeconds(21));
        m = m.evolve(new StepHeartbeat("m", "env", "x", 1, true, T.plusSeconds(15)));
        assertThat(actions(m, T.plusSeconds(30))).as("it still beat 15 s ago").isEmpty();
        assertThat(actions(m, T.plusSeconds(35)))
                .as("silent for 20 s: its process died, the undo is run again")
                .containsExactly(new Action.Compensate(m.step("env").orElseThrow(), 1));

        Migration failedThere =
                m.evolve(new CompensationFailed("m", "env", "x", 1, "503", T.plusSeconds(16), T.plusSeconds(17)));
        assertThat(failedThere.step("env").orElseThrow().compensationAliveAt()).isNull();
        assertThat(actions(failedThere, T.plusSeconds(17)))
                .as("an attempt that ended does not hold the retry back")
                .containsExactly(new Action.Compensate(failedThere.step("env").orElseThrow(), 2));
        assertThat(failedThere.evolve(new StepHeartbeat("m", "env", "x", 1, true, T.plusSeconds(18))))
                .as("a late beat of the failed attempt")
                .isEqualTo(failedThere);
        Migration undone = m.evolve(new StepCompensated("m", "env", "x", "undone", T.plusSeconds(16)));
        assertThat(actions(undone, T.plusSeconds(16))).containsExactly(new Action.FinishRollback());
    }

    // ---- commands ------------------------------------------------------------------------------

    static Migration gateOpen() {
        return migration(step("ok", "manual-task")).evolve(new GateOpened("m", "ok", "manual-task", "Do ok", T));
    }

    static Migration failedMigration() {
        return chain().evolve(started("env", 1, T))
                .evolve(failed("env", 1, null))
                .evolve(new MigrationFailed("m", "p", "env", "boom", T));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void commands(
            String name,
            Migration m,
            MigrationCommand command,
            Class<? extends MigrationEvent> accepted,
            String rejected) {
        Verdict verdict = m.decide(command, T);
        if (accepted != null) {
            assertThat(verdict)
                    .isInstanceOfSatisfying(
                            Verdict.Accepted.class,
                            a -> assertThat(a.events()).first().isInstanceOf(accepted));
        } else {
            assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, r -> {
                assertThat(r.reason()).contains(rejected);
                assertThat(r.notFound()).isEqualTo(rejected.startsWith("has no step"));
            });
        }
    }

    static Stream<Arguments> commands() {
        Migration running = chain();
        Migration paused = chain().evolve(new MigrationPaused("m", "bob", T));
        Migration completed = chain().evolve(new MigrationCompleted("m", "p", 3, 1, T));
        Migration cancelled = chain().evolve(new MigrationCancelled("m", "bob", null, T));
        Migration approved = gateOpen().evolve(new GateApproved("m", "ok", "bob", "rest", null, T));
        Migration runningStep = chain().evolve(started("env", 1, T)).evolve(new MigrationPaused("m", "bob", T));
        return Stream.of(
                Arguments.of("approve an open gate", gateOpen(), approve("ok"), GateApproved.class, null),
                Arguments.of("approve an unknown step", gateOpen(), approve("nope"), null, "has no step nope"),
                Arguments.of("approve a step without a gate", running, approve("env"), null, "has no open gate"),
                Arguments.of("approve twice", approved, approve("ok"), null, "already approved by bob"),
                Arguments.of(
                        "approve in a cancelled migration",
                        gateOpen().evolve(new MigrationCancelled("m", "bob", null, T)),
                        approve("ok"),
                        null,
                        "can no longer be approved"),
                Arguments.of("retry a failed step", failedMigration(), retry("env"), StepRetried.class, null),
                Arguments.of("retry a step that did not fail", running, retry("env"), null, "did not fail"),
                Arguments.of("retry an unknown step", failedMigration(), retry("x"), null, "has no step x"),
                Arguments.of(
                        "retry in a cancelled migration",
                        failedMigration().evolve(new MigrationCancelled("m", "bob", null, T)),
                        retry("env"),
                        null,
                        "can no longer be retried"),
                Arguments.of("pause a running migration", running, pause(), MigrationPaused.class, null),
                Arguments.of("pause a paused migration", paused, pause(), null, "only a running migration"),
                Arguments.of("resume a paused migration", paused, resume(), MigrationResumed.class, null),
                Arguments.of("resume a running migration", running, resume(), null, "not paused"),
                Arguments.of("resume a failed migration", failedMigration(), resume(), null, "not paused"),
                Arguments.of("cancel a running migration", running, cancel(), MigrationCancelled.class, null),
                Arguments.of("cancel a failed migration", failedMigration(), cancel(), MigrationCancelled.class, null),
                Arguments.of("cancel a completed migration", completed, cancel(), null, "can no longer be cancelled"),
                Arguments.of("cancel twice", cancelled, cancel(), null, "can no longer be cancelled"),
                Arguments.of(
                        "roll back a failed migration", failedMigration(), rollback(), RollbackStarted.class, null),
                Arguments.of("roll back a completed migration", completed, rollback(), RollbackStarted.class, null),
                Arguments.of("roll back a running migration", running, rollback(), null, "pause it first"),
                Arguments.of("roll back with a step running", runningStep, rollback(), null, "still running"));
    }

    static ApproveGate approve(String step) {
        return new ApproveGate("m", step, "bob", "rest", null, T);
    }

    static RetryStep retry(String step) {
        return new RetryStep("m", step, "bob", "rest", T);
    }

    @Test
    void acceptedCommandsRecordWhoAskedAndThroughWhichChannel() {
        assertThat(chain().decide(new PauseMigration("m", "sam", "slack", T), T))
                .isEqualTo(Verdict.accept(new MigrationPaused("m", "sam", T, "slack")));
        Migration paused = chain().evolve(new MigrationPaused("m", "bob", T));
        assertThat(paused.decide(new ResumeMigration("m", "sam", "slack", T), T))
                .isEqualTo(Verdict.accept(new MigrationResumed("m", "sam", T, "slack")));
        assertThat(paused.decide(new CancelMigration("m", "ann", "rest", "late", T), T))
                .isEqualTo(Verdict.accept(new MigrationCancelled("m", "ann", "late", T, "rest")));
    }

    static PauseMigration pause() {
        return new PauseMigration("m", "bob", "rest", T);
    }

    static ResumeMigration resume() {
        return new ResumeMigration("m", "bob", "rest", T);
    }

    static CancelMigration cancel() {
        return new CancelMigration("m", "bob", "rest", null, T);
    }

    static RollbackMigration rollback() {
        return new RollbackMigration("m", "bob", "rest", T);
    }
}

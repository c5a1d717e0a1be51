package dev.ferry.executor.rest;

import static dev.ferry.executor.support.Flows.as;
import static dev.ferry.executor.support.Flows.awaitStatus;
import static dev.ferry.executor.support.Flows.awaitStep;
import static dev.ferry.executor.support.Flows.record;
import static dev.ferry.executor.support.Flows.step;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.command.ApproveGate;
import dev.ferry.events.migration.GateApproved;
import dev.ferry.events.migration.MigrationCompleted;
import dev.ferry.events.migration.StepCompensated;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.migration.StepHeartbeat;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.plan.RetryPolicy;
import dev.ferry.executor.support.Flows;
import dev.ferry.executor.support.RecordingStep;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@AsUser("everyone")
@WithTestResource(OidcTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "ferry_executor"))
@WithTestResource(
        value = SimulatorResource.class,
        initArgs = {
            @ResourceArg(name = "module", value = "simulators/aptible-api"),
            @ResourceArg(name = "property", value = "quarkus.rest-client.aptible.url")
        })
class EngineFlowTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Flows flows;

    @BeforeEach
    void setUp() {
        flows = new Flows(bootstrap);
    }

    @Test
    void gatesWaitForPeopleOverRestAndTheCommandsTopicAndRecordWhoAndHow() {
        String id = flows.run(
                "plan-gates",
                List.of(
                        record("prepare", List.of(), Map.of()),
                        step(
                                "lower-ttl",
                                "manual-task",
                                List.of("prepare"),
                                Map.of("instructions", "Lower the TTL of shop.example to 60 s", "checklist", "a\nb"),
                                null,
                                null,
                                null,
                                null,
                                null),
                        step(
                                "go-ahead",
                                "approval",
                                List.of("lower-ttl"),
                                Map.of("instructions", "Approve the cutover"),
                                null,
                                null,
                                null,
                                null,
                                null),
                        step(
                                "ttl-expiry",
                                "timed-wait",
                                List.of("go-ahead"),
                                Map.of("instructions", "Let the old TTL expire"),
                                "timed-wait",
                                150L,
                                null,
                                null,
                                null),
                        step(
                                "guessed",
                                "test-record",
                                List.of("ttl-expiry"),
                                Map.of(),
                                null,
                                null,
                                null,
                                null,
                                "the database size was guessed")));

        awaitStep(id, "lower-ttl", "awaiting-approval");
        given().get("/api/migrations/" + id + "/steps/lower-ttl")
                .then()
                .body("step.gate", equalTo("manual-task"))
                .body("step.gateInstructions", containsString("Lower the TTL of shop.example"))
                .body("step.gateInstructions", containsString("Checklist"));
        as("approver")
                .post("/api/migrations/" + id + "/steps/lower-ttl/approval")
                .then()
                .statusCode(202)
                .body("type", equalTo("ferry.command.approve-gate.v1"));

        awaitStep(id, "go-ahead", "awaiting-approval");
        flows.probe()
                .append(
                        EventIds.random(),
                        "/ferry/notifier",
                        new ApproveGate(id, "go-ahead", "U123 (dana)", "slack", "ship it", Instant.now()));

        awaitStep(id, "guessed", "awaiting-approval");
        given().get("/api/migrations/" + id + "/steps/guessed")
                .then()
                .body("step.gate", equalTo("approval"))
                .body("step.gateInstructions", containsString("the database size was guessed"));
        assertThat(RecordingStep.ENSURED).doesNotContain(id + "/guessed");
        // A name in the body is ignored: who approves is the token's user.
        as("approver2")
                .contentType("application/json")
                .body("{\"by\": \"carol\", \"comment\": \"size checked\"}")
                .post("/api/migrations/" + id + "/steps/guessed/approval")
                .then()
                .statusCode(202);

        awaitStatus(id, "completed");
        JsonPath lower = given().get("/api/migrations/" + id + "/steps/lower-ttl")
                .then()
                .extract()
                .jsonPath();
        assertThat(lower.getString("step.approval.by")).isEqualTo("approver");
        assertThat(lower.getString("step.approval.via")).isEqualTo("rest");
        assertThat(lower.getList("log.line", String.class))
                .anyMatch(l -> l.startsWith("Waiting for a person (manual-task)"))
                .anyMatch(l -> l.equals("Approved by approver via rest"));
        given().get("/api/migrations/" + id + "/steps/go-ahead")
                .then()
                .body("step.approval.by", equalTo("U123 (dana)"))
                .body("step.approval.via", equalTo("slack"));
        given().get("/api/migrations/" + id + "/steps/guessed")
                .then()
                .body("step.approval.by", equalTo("approver2"))
                .body("log.line", hasItem("Approved by approver2 via rest: size checked"));
        // 150 s scaled by the test's time-scale of 0.01: at least 1.5 s between its start and its end.
        JsonPath wait = given().get("/api/migrations/" + id + "/steps/ttl-expiry")
                .then()
                .extract()
                .jsonPath();
        Instant started = Instant.parse(wait.getString("step.startedAt"));
        Instant finished = Instant.parse(wait.getString("step.finishedAt"));
        assertThat(Duration.between(started, finished)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(flows.events(id).stream().filter(e -> e.data() instanceof GateApproved))
                .hasSize(3);
    }

    @Test
    void independentStepsRunInParallelUpToTheBound() {
        RecordingStep.MOST_AT_ONCE.set(0);
        List<dev.ferry.events.plan.PlanStep> steps = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            steps.add(record("wide-" + i, List.of(), Map.of("sleepMs", "1200")));
        }
        String id = flows.run("plan-wide", steps);
        awaitStatus(id, "completed");
        assertThat(RecordingStep.MOST_AT_ONCE.get()).isEqualTo(4);
    }

    @Test
    void aFailingStepIsRetriedWithBackoffAtRecordedTimesThenSucceeds() {
        String id = flows.run(
                "plan-flaky",
                List.of(step(
                        "flaky",
                        "test-record",
                        List.of(),
                        Map.of("failTimes", "2"),
                        null,
                        null,
                        new RetryPolicy(4, 200, 400),
                        null,
                        null)));
        awaitStatus(id, "completed");
        given().get("/api/migrations/" + id + "/steps/flaky")
                .then()
                .body("step.attempts", equalTo(3))
                .body("step.status", equalTo("succeeded"));
        List<StepFailed> failures = flows.events(id).stream()
                .map(CloudEvent::data)
                .filter(StepFailed.class::isInstance)
                .map(StepFailed.class::cast)
                .toList();
        assertThat(failures).hasSize(2).allSatisfy(f -> {
            assertThat(f.retryAt()).isNotNull();
            assertThat(Duration.between(f.failedAt(), f.retryAt())).isBetween(Duration.ZERO, Duration.ofMillis(400));
        });
        List<String> log = given().get("/api/migrations/" + id + "/steps/flaky")
                .then()
                .extract()
                .jsonPath()
                .getList("log.line", String.class);
        assertThat(log)
                .filteredOn(l -> l.contains("failed") && l.contains("next attempt at"))
                .hasSize(2);
        assertThat(log).last().asString().startsWith("Succeeded in");
    }

    @Test
    void anAttemptThatOutlivesItsTimeoutFailsNamingTheLimitAndIsRetriedUntilTheBudgetIsSpent() {
        String id = flows.run(
                "plan-timeout",
                List.of(Flows.withTimeout(
                        step(
                                "slow-once",
                                "test-record",
                                List.of(),
                                Map.of("slowTimes", "1", "slowMs", "6000"),
                                null,
                                null,
                                new RetryPolicy(3, 100, 200),
                                null,
                                null),
                        1)));
        String stuck = flows.run(
                "plan-timeout-always",
                List.of(Flows.withTimeout(
                        step(
                                "always-slow",
                                "test-record",
                                List.of(),
                                Map.of("sleepMs", "6000"),
                                null,
                                null,
                                new RetryPolicy(2, 100, 200),
                                null,
                                null),
                        1)));

        awaitStatus(id, "completed");
        List<StepFailed> failures = flows.events(id).stream()
                .map(CloudEvent::data)
                .filter(StepFailed.class::isInstance)
                .map(StepFailed.class::cast)
                .toList();
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.error()).isEqualTo("Attempt timed out after 1 s (the step's timeoutSeconds)");
            assertThat(f.retryAt()).as("a timeout is retryable").isNotNull();
            assertThat(f.durationMs()).isBetween(1000L, 5000L);
        });
        given().get("/api/migrations/" + id + "/steps/slow-once")
                .then()
                .body("step.attempts", equalTo(2))
                .body("step.status", equalTo("succeeded"));
        assertThat(RecordingStep.ENSURED)
                .as("the timed-out attempt's work was cancelled, only the retry's finished")
                .containsOnlyOnce(id + "/slow-once");

        awaitStatus(stuck, "failed");
        given().get("/api/migrations/" + stuck)
                .then()
                .body("migration.failedStep", equalTo("always-slow"))
                .body(
                        "migration.failureReason",
                        equalTo("Step always-slow failed after 2 attempts:"
                                + " Attempt timed out after 1 s (the step's timeoutSeconds)"));
        given().get("/api/migrations/" + stuck + "/steps/always-slow")
                .then()
                .body("step.attempts", equalTo(2))
                .body("step.status", equalTo("failed"));
        assertThat(RecordingStep.ENSURED).doesNotContain(stuck + "/always-slow");
    }

    @Test
    void aStepThatFailedForGoodRunsAgainWhenSomeoneRetriesIt() {
        String id = flows.run(
                "plan-retry",
                List.of(
                        record("stuck", List.of(), Map.of("failUntilReleased", "true")),
                        record("after", List.of("stuck"), Map.of())));
        awaitStatus(id, "failed");
        given().get("/api/migrations/" + id)
                .then()
                .body("migration.failedStep", equalTo("stuck"))
                .body("migration.failureReason", containsString("Held until released"));
        RecordingStep.RELEASED.add(id + "/stuck");
        as("operator")
                .post("/api/migrations/" + id + "/steps/stuck/retry")
                .then()
                .statusCode(202);
        awaitStatus(id, "completed");
        given().get("/api/migrations/" + id + "/steps/stuck")
                .then()
                .body("step.attempts", equalTo(2))
                .body("log.line", hasItem("Retry requested by operator via rest"));
    }

    @Test
    void pauseLetsRunningStepsFinishAndStartsNothingNewUntilResumed() {
        String id = flows.run(
                "plan-pause",
                List.of(
                        record("slow", List.of(), Map.of("sleepMs", "8000")),
                        step(
                                "gate",
                                "manual-task",
                                List.of(),
                                Map.of("instructions", "x"),
                                null,
                                null,
                                null,
                                null,
                                null),
                        record("next", List.of("gate"), Map.of())));
        awaitStep(id, "gate", "awaiting-approval");
        as("operator").post("/api/migrations/" + id + "/pause").then().statusCode(202);
        awaitStatus(id, "paused");
        as("approver")
                .post("/api/migrations/" + id + "/steps/gate/approval")
                .then()
                .statusCode(202);
        awaitStep(id, "slow", "succeeded");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> given().get("/api/migrations/" + id)
                        .then()
                        .body("migration.status", equalTo("paused"))
                        .body("steps.find { it.stepId == 'gate' }.status", equalTo("pending"))
                        .body("steps.find { it.stepId == 'gate' }.approval.by", equalTo("approver"))
                        .body("steps.find { it.stepId == 'next' }.status", equalTo("pending")));
        as("operator").post("/api/migrations/" + id + "/resume").then().statusCode(202);
        awaitStatus(id, "completed");
    }

    @Test
    void cancelStopsTheMigrationAndItsGatesCanNoLongerBeApproved() {
        String id = flows.run(
                "plan-cancel",
                List.of(step(
                        "confirm",
                        "manual-task",
                        List.of(),
                        Map.of("instructions", "Confirm"),
                        null,
                        null,
                        null,
                        null,
                        null)));
        awaitStep(id, "confirm", "awaiting-approval");
        as("operator")
                .contentType("application/json")
                .body("{\"by\": \"gina\", \"reason\": \"wrong window\"}")
                .post("/api/migrations/" + id + "/cancel")
                .then()
                .statusCode(202);
        awaitStatus(id, "cancelled");
        as("approver")
                .post("/api/migrations/" + id + "/steps/confirm/approval")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("cancelled"));
    }

    @Test
    void rollbackUndoesStepsInReverseOrderBackToThePointOfNoReturn() {
        String id = flows.run(
                "plan-rollback",
                List.of(
                        record("one", List.of(), Map.of()),
                        step("two", "test-record", List.of("one"), Map.of(), null, null, null, true, null),
                        record("three", List.of("two"), Map.of()),
                        record("four", List.of("three"), Map.of()),
                        record("five", List.of("four"), Map.of("failUntilReleased", "true"))));
        awaitStatus(id, "failed");
        as("operator").post("/api/migrations/" + id + "/rollback").then().statusCode(202);
        awaitStatus(id, "rolled-back");
        assertThat(RecordingStep.COMPENSATED.stream().filter(c -> c.startsWith(id + "/")))
                .containsExactly(id + "/four", id + "/three");
        assertThat(flows.events(id).stream()
                        .map(CloudEvent::data)
                        .filter(StepCompensated.class::isInstance)
                        .map(e -> ((StepCompensated) e).stepId()))
                .containsExactly("four", "three");
        given().get("/api/migrations/" + id)
                .then()
                .body("steps.find { it.stepId == 'two' }.status", equalTo("succeeded"))
                .body("steps.find { it.stepId == 'three' }.status", equalTo("compensated"));
    }

    @Test
    void stepChangesStreamAsServerSentEventsUntilTheMigrationEnds() {
        String id = flows.run(
                "plan-sse",
                List.of(
                        record("first", List.of(), Map.of("sleepMs", "3000")),
                        step("pause", "timed-wait", List.of("first"), Map.of(), null, 100L, null, null, null)));
        awaitStep(id, "first", "running");
        String stream = given().accept("text/event-stream")
                .get("/api/migrations/" + id + "/events")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(stream).contains("\"stepId\":\"first\"").contains("\"stepId\":\"pause\"");
        assertThat(stream).contains("\"kind\":\"migration\"").contains("\"status\":\"completed\"");
        assertThat(stream).contains("\"status\":\"running\"");
        given().accept("text/event-stream")
                .get("/api/migrations/no-such-migration/events")
                .then()
                .statusCode(404);
    }

    @Test
    void everyStepSucceedsOnceInTheLog() {
        String id = flows.run(
                "plan-once",
                List.of(
                        record("a", List.of(), Map.of()),
                        record("b", List.of("a"), Map.of()),
                        record("c", List.of("a"), Map.of())));
        awaitStatus(id, "completed");
        assertThat(flows.events(id).stream()
                        .filter(e -> e.data() instanceof StepSucceeded)
                        .map(e -> ((StepSucceeded) e.data()).stepId()))
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void aLongAttemptBeatsWhileItRunsAndNeverAfterItsOutcome() {
        // Test profile: quiet-for 2 s, so a beat every 500 ms; the attempt takes 2.6 s.
        String id = flows.run("plan-beats", List.of(record("long", List.of(), Map.of("sleepMs", "2600"))));
        awaitStatus(id, "completed");
        List<Object> log =
                flows.events(id).stream().<Object>map(CloudEvent::data).toList();
        int started = indexOf(log, StepStarted.class);
        int succeeded = indexOf(log, StepSucceeded.class);
        List<Integer> beats = new java.util.ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i) instanceof StepHeartbeat b) {
                assertThat(b.stepId()).isEqualTo("long");
                assertThat(b.attempt()).isEqualTo(1);
                assertThat(b.compensation()).isFalse();
                beats.add(i);
            }
        }
        assertThat(beats).as("beats of a 2.6 s attempt at 500 ms").hasSizeBetween(3, 6);
        assertThat(beats).allSatisfy(i -> assertThat(i).isBetween(started, succeeded));
        assertThat(log.get(log.size() - 1)).isInstanceOf(MigrationCompleted.class);
        assertThat(RecordingStep.ENSURED).containsOnlyOnce(id + "/long");
    }

    @Test
    void aStepAnotherInstanceRunsIsWaitedForWhileItBeatsAndTakenOverOnlyOnceItFallsSilent() {
        // "work" shows running by another executor (which now lost the migration's partition to this one)
        // while "hold" waits for a person. Beating, it is left alone well past quiet-for (2 s); silent, it
        // is taken over.
        String beating = flows.run("plan-foreign-beating", foreignPlan());
        String silent = flows.run("plan-foreign-silent", foreignPlan());
        for (String id : List.of(beating, silent)) {
            awaitStep(id, "hold", "awaiting-approval");
            flows.probe()
                    .append(EventIds.random(), OTHER, new StepStarted(id, "work", "test-record", 1, Instant.now()));
            awaitStep(id, "work", "running");
        }
        Instant until = Instant.now().plusSeconds(6);
        while (Instant.now().isBefore(until)) {
            flows.probe()
                    .append(
                            EventIds.random(),
                            OTHER,
                            new StepHeartbeat(beating, "work", "test-record", 1, false, Instant.now()));
            sleep(400);
        }
        assertThat(startsOf(silent, "work"))
                .as("the silent attempt was taken over by this instance")
                .containsExactly(1, 2);
        assertThat(RecordingStep.ENSURED).contains(silent + "/work");
        assertThat(startsOf(beating, "work"))
                .as("6 s of beats: nobody else started the step")
                .containsExactly(1);
        assertThat(RecordingStep.ENSURED).doesNotContain(beating + "/work");

        flows.probe()
                .append(
                        EventIds.random(),
                        OTHER,
                        new StepSucceeded(
                                beating, "work", "test-record", "done elsewhere", Map.of(), 6000, Instant.now()));
        for (String id : List.of(beating, silent)) {
            as("approver")
                    .post("/api/migrations/" + id + "/steps/hold/approval")
                    .then()
                    .statusCode(202);
            awaitStatus(id, "completed");
        }
        assertThat(RecordingStep.ENSURED).doesNotContain(beating + "/work");
        assertThat(startsOf(beating, "work")).containsExactly(1);
    }

    private static final String OTHER = "/ferry/executor-other";

    private static List<PlanStep> foreignPlan() {
        return List.of(
                step("hold", "manual-task", List.of(), Map.of("instructions", "Wait"), null, null, null, null, null),
                record("work", List.of("hold"), Map.of()));
    }

    private List<Integer> startsOf(String migrationId, String stepId) {
        return flows.events(migrationId).stream()
                .map(CloudEvent::data)
                .filter(e -> e instanceof StepStarted s && s.stepId().equals(stepId))
                .map(e -> ((StepStarted) e).attempt())
                .toList();
    }

    private static int indexOf(List<Object> log, Class<?> type) {
        for (int i = 0; i < log.size(); i++) {
            if (type.isInstance(log.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + log);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.ferry.executor.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.Topics;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanRejected;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.executor.messaging.PlansConsumer;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
class MigrationFlowTest {
    static final SecretBox BOX = SecretBox.of("k1", "dGVzdC1rZXktZm9yLWZlcnJ5LXRlc3RzLW9ubHktMzI=");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.rest-client.aptible.url")
    String aptible;

    @BeforeEach
    void resetFaults() {
        given().baseUri(aptible)
                .contentType("application/json")
                .body("{\"fail_operation_types\": []}")
                .post("/_simulator/faults")
                .then()
                .statusCode(200);
    }

    private static PlanProposed plan(String planId, String env, String app) {
        return new PlanProposed(
                planId,
                1,
                "d-" + planId,
                env,
                "alice",
                List.of(
                        new PlanStep(
                                "environment:" + env,
                                "ensure-environment",
                                "env",
                                "why",
                                List.of(),
                                Map.of("handle", env, "type", "production"),
                                Map.of()),
                        new PlanStep(
                                "app:" + app,
                                "ensure-app",
                                "app",
                                "why",
                                List.of("environment:" + env),
                                Map.of("handle", app, "environment", env),
                                Map.of()),
                        new PlanStep(
                                "configure:" + app,
                                "configure-app",
                                "cfg",
                                "why",
                                List.of("app:" + app),
                                Map.of("app", app),
                                Map.of(
                                        "SECRET_KEY_BASE",
                                        BOX.seal("FAKE-executor-secret"),
                                        "RAILS_ENV",
                                        BOX.seal("production")))),
                Instant.now());
    }

    private String approve(String planId, String env, String app) {
        EventProbe probe = new EventProbe(bootstrap);
        probe.append(EventIds.random(), "/ferry/planner", plan(planId, env, app));
        probe.append(EventIds.random(), "/ferry/planner", new PlanApproved(planId, 1, "bob", null, Instant.now()));
        return PlansConsumer.migrationId(planId, 1);
    }

    private void awaitStatus(String migrationId, String status) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/api/migrations/" + migrationId)
                        .then()
                        .statusCode(200)
                        .body("migration.status", equalTo(status)));
    }

    private Map<String, Object> aptibleState() {
        return given().baseUri(aptible)
                .get("/_simulator/state")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    @Test
    void anApprovedPlanRunsEveryStepAgainstAptible() {
        String migrationId = approve("plan-run", "run-production", "run-shop");
        awaitStatus(migrationId, "completed");
        given().get("/api/migrations/" + migrationId)
                .then()
                .body("steps.status", everyItem(equalTo("succeeded")))
                .body(
                        "steps.stepId",
                        equalTo(List.of("environment:run-production", "app:run-shop", "configure:run-shop")))
                .body("steps[2].summary", containsString("Set 2 variables on run-shop"))
                .body("steps[0].outputs.environmentHandle", equalTo("run-production"));
        String body =
                given().get("/api/migrations/" + migrationId).then().extract().asString();
        assertThat(body).doesNotContain("FAKE-executor-secret");
        String step = given().get("/api/migrations/" + migrationId + "/steps/configure:run-shop")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(step).contains("Attempt 1 started").doesNotContain("FAKE-executor-secret");

        List<String> types = new EventProbe(bootstrap)
                .readAll(Topics.MIGRATIONS).stream()
                        .filter(e -> e.subject().equals(migrationId))
                        .map(CloudEvent::type)
                        .toList();
        assertThat(types).startsWith("ferry.migration.started.v1").endsWith("ferry.migration.completed.v1");
        assertThat(types.stream().filter(t -> t.equals("ferry.migration.step-succeeded.v1")))
                .hasSize(3);
        assertThat(new EventProbe(bootstrap).records(Topics.MIGRATIONS).stream().map(r -> r.value()))
                .noneMatch(v -> v.contains("FAKE-executor-secret"));
    }

    @Test
    void runningAnotherPlanForTheSameTargetCreatesNothingTwice() {
        awaitStatus(approve("plan-once-a", "once-production", "once-shop"), "completed");
        String second = approve("plan-once-b", "once-production", "once-shop");
        awaitStatus(second, "completed");
        given().get("/api/migrations/" + second)
                .then()
                .body("steps[0].summary", containsString("already exists"))
                .body("steps[1].summary", containsString("already exists"))
                .body("steps[2].summary", containsString("already has its 2 variables"));
        Map<String, Object> state = aptibleState();
        @SuppressWarnings("unchecked")
        List<String> handles = (List<String>) ((Map<String, Object>) state.get("accounts")).get("handles");
        assertThat(handles.stream().filter(h -> h.equals("once-production"))).hasSize(1);
    }

    @Test
    void aRedeliveredApprovalStartsOneMigration() {
        EventProbe probe = new EventProbe(bootstrap);
        probe.append(EventIds.random(), "/ferry/planner", plan("plan-dup", "dup-production", "dup-shop"));
        PlanApproved approval = new PlanApproved("plan-dup", 1, "bob", null, Instant.now());
        probe.append("approval-dup", "/ferry/planner", approval);
        probe.append("approval-dup", "/ferry/planner", approval);
        String migrationId = PlansConsumer.migrationId("plan-dup", 1);
        awaitStatus(migrationId, "completed");
        assertThat(probe.readAll(Topics.MIGRATIONS).stream()
                        .filter(e -> e.subject().equals(migrationId) && e.data() instanceof MigrationStarted)
                        .map(CloudEvent::id)
                        .distinct())
                .hasSize(1);
    }

    @Test
    void aSecondApprovalOfTheSameVersionStartsNothingAndIsAuditedAsWithoutEffect() {
        EventProbe probe = new EventProbe(bootstrap);
        probe.append(EventIds.random(), "/ferry/planner", plan("plan-two", "two-production", "two-shop"));
        // two planner instances each accepted an approval before either saw the other's
        probe.append(EventIds.random(), "/ferry/planner", new PlanApproved("plan-two", 1, "bob", null, Instant.now()));
        probe.append(
                EventIds.random(), "/ferry/planner", new PlanApproved("plan-two", 1, "carol", null, Instant.now()));
        String migrationId = PlansConsumer.migrationId("plan-two", 1);
        awaitStatus(migrationId, "completed");
        assertThat(probe.readAll(Topics.MIGRATIONS).stream()
                        .filter(e -> e.subject().equals(migrationId) && e.data() instanceof MigrationStarted)
                        .map(CloudEvent::id)
                        .distinct())
                .hasSize(1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/migrations/" + migrationId + "/audit")
                        .then()
                        .statusCode(200)
                        .body("entries.findAll { it.action == 'approve-plan' }.actor", contains("bob", "carol"))
                        .body(
                                "entries.findAll { it.action == 'approve-plan' }.outcome",
                                contains("accepted", "rejected"))
                        .body(
                                "entries.find { it.actor == 'carol' }.reason",
                                containsString("already approved by bob")));
    }

    @Test
    void aPlanRejectedBeforeItsApprovalReachedTheLogNeverRuns() {
        EventProbe probe = new EventProbe(bootstrap);
        probe.append(EventIds.random(), "/ferry/planner", plan("plan-no", "no-production", "no-shop"));
        probe.append(
                EventIds.random(), "/ferry/planner", new PlanRejected("plan-no", 1, "carol", "not yet", Instant.now()));
        probe.append(EventIds.random(), "/ferry/planner", new PlanApproved("plan-no", 1, "bob", null, Instant.now()));
        String migrationId = PlansConsumer.migrationId("plan-no", 1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("migration", migrationId)
                        .get("/api/audit")
                        .then()
                        .statusCode(200)
                        .body("entries.find { it.actor == 'bob' }.outcome", equalTo("rejected"))
                        .body(
                                "entries.find { it.actor == 'bob' }.reason",
                                containsString("already rejected by carol")));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() ->
                        given().get("/api/migrations/" + migrationId).then().statusCode(404));
        assertThat(probe.readAll(Topics.MIGRATIONS).stream()
                        .filter(e -> e.subject().equals(migrationId)))
                .isEmpty();
    }

    @Test
    void aFailingOperationIsRetriedThenFailsTheMigration() {
        given().baseUri(aptible)
                .contentType("application/json")
                .body("{\"fail_operation_types\": [\"configure\"]}")
                .post("/_simulator/faults")
                .then()
                .statusCode(200);
        String migrationId = approve("plan-fail", "fail-production", "fail-shop");
        awaitStatus(migrationId, "failed");
        given().get("/api/migrations/" + migrationId)
                .then()
                .body("migration.failedStep", equalTo("configure:fail-shop"))
                .body("migration.failureReason", containsString("after 3 attempts"))
                .body("steps[2].status", equalTo("failed"))
                .body("steps[2].attempts", equalTo(3));
    }

    @Test
    void aMigrationLeftMidStepByACrashIsResumed() {
        EventProbe probe = new EventProbe(bootstrap);
        probe.append(EventIds.random(), "/ferry/planner", plan("plan-crash", "crash-production", "crash-shop"));
        String migrationId = PlansConsumer.migrationId("plan-crash", 1);
        // What a dead executor leaves: the migration started and a step began, but no outcome was recorded.
        probe.append(
                EventIds.random(),
                "/ferry/executor",
                new MigrationStarted(
                        migrationId,
                        "plan-crash",
                        1,
                        "crash-production",
                        List.of("environment:crash-production", "app:crash-shop", "configure:crash-shop"),
                        Instant.now()));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/api/migrations/" + migrationId)
                        .then()
                        .statusCode(200)
                        .body("migration.status", equalTo("completed")));
        long starts = probe.readAll(Topics.MIGRATIONS).stream()
                .filter(e -> e.subject().equals(migrationId)
                        && e.data() instanceof StepStarted s
                        && s.stepId().equals("environment:crash-production"))
                .count();
        assertThat(starts).isGreaterThanOrEqualTo(1);
        @SuppressWarnings("unchecked")
        List<String> handles =
                (List<String>) ((Map<String, Object>) aptibleState().get("accounts")).get("handles");
        assertThat(handles.stream().filter(h -> h.equals("crash-production"))).hasSize(1);
    }

    @Test
    void anUnapprovedPlanDoesNotRun() {
        new EventProbe(bootstrap)
                .append(EventIds.random(), "/ferry/planner", plan("plan-idle", "idle-production", "idle"));
        String migrationId = PlansConsumer.migrationId("plan-idle", 1);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> given().get("/api/migrations/" + migrationId)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json"));
    }

    @Test
    void replayRebuildsTheSameState() {
        awaitStatus(approve("plan-replay", "replay-production", "replay-shop"), "completed");
        // Settled: no step of any migration is running or waiting for a retry (a migration may wait at a gate).
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        given().get("/api/migrations").then().extract().jsonPath().getList("id", String.class).stream()
                                .flatMap(id -> given()
                                        .get("/api/migrations/" + id)
                                        .then()
                                        .extract()
                                        .jsonPath()
                                        .getList("steps.status", String.class)
                                        .stream())
                                .noneMatch(status -> status.equals("running") || status.equals("retrying")));
        String before = given().get("/api/migrations").then().extract().asString();
        given().post("/api/admin/projection/rebuild").then().statusCode(200);
        assertThat(given().get("/api/migrations").then().extract().asString()).isEqualTo(before);
        RestAssured.reset();
    }
}

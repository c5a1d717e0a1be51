package dev.ferry.executor.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.Topics;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.plan.RetryPolicy;
import dev.ferry.executor.messaging.PlansConsumer;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.Tokens;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Plans, approvals and waits shared by the executor's integration tests. */
public final class Flows {
    private final EventProbe probe;

    public Flows(String bootstrap) {
        this.probe = new EventProbe(bootstrap);
    }

    public EventProbe probe() {
        return probe;
    }

    /** A plan step with the optional fields the engine reads. */
    public static PlanStep step(
            String id,
            String type,
            List<String> deps,
            Map<String, String> params,
            String gate,
            Long waitSeconds,
            RetryPolicy retry,
            Boolean pointOfNoReturn,
            String needsReview) {
        Map<String, String> p = new HashMap<>(params);
        return new PlanStep(
                id,
                type,
                "Title of " + id,
                "why",
                deps,
                p,
                Map.of(),
                null,
                null,
                gate,
                waitSeconds,
                null,
                retry,
                null,
                "undo",
                pointOfNoReturn,
                needsReview);
    }

    /** The same step with a limit on how long one attempt may take. */
    public static PlanStep withTimeout(PlanStep s, int timeoutSeconds) {
        return new PlanStep(
                s.id(),
                s.type(),
                s.title(),
                s.reason(),
                s.dependsOn(),
                s.parameters(),
                s.secrets(),
                s.app(),
                s.wave(),
                s.gate(),
                s.waitSeconds(),
                timeoutSeconds,
                s.retry(),
                s.verification(),
                s.compensation(),
                s.pointOfNoReturn(),
                s.needsReview());
    }

    public static PlanStep record(String id, List<String> deps, Map<String, String> params) {
        return step(id, "test-record", deps, params, null, null, null, null, null);
    }

    /** Proposes and approves a plan; returns the migration id. */
    public String run(String planId, List<PlanStep> steps) {
        propose(planId, steps);
        probe.append(EventIds.random(), "/ferry/planner", new PlanApproved(planId, 1, "bob", null, Instant.now()));
        return PlansConsumer.migrationId(planId, 1);
    }

    public void propose(String planId, List<PlanStep> steps) {
        probe.append(
                EventIds.random(),
                "/ferry/planner",
                new PlanProposed(planId, 1, "d-" + planId, "env-" + planId, "alice", steps, Instant.now()));
    }

    /** A request carrying the bearer token of a test user ({@link Tokens}). */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    public static void awaitStatus(String migrationId, String status) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/api/migrations/" + migrationId)
                        .then()
                        .statusCode(200)
                        .body("migration.status", equalTo(status)));
    }

    public static void awaitStep(String migrationId, String stepId, String status) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/api/migrations/" + migrationId + "/steps/" + stepId)
                        .then()
                        .statusCode(200)
                        .body("step.status", equalTo(status)));
    }

    /** The events of one migration, in log order. */
    public List<CloudEvent> events(String migrationId) {
        return probe.readAll(Topics.MIGRATIONS).stream()
                .filter(e -> e.subject().equals(migrationId))
                .toList();
    }

    public int commandCount() {
        return probe.records(Topics.COMMANDS).size();
    }
}

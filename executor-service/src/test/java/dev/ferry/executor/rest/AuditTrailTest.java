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

import dev.ferry.events.EventIds;
import dev.ferry.events.command.ApproveGate;
import dev.ferry.executor.support.Flows;
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
import org.junit.jupiter.api.Test;

/** The audit trail: who asked for what, via what, with what outcome; refused and forbidden requests. */
@QuarkusTest
@AsUser("viewer")
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
class AuditTrailTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void eachRequestIsAnEntryWithItsActorChannelAndOutcome() {
        Flows flows = new Flows(bootstrap);
        String id = flows.run(
                "plan-audit",
                List.of(
                        step(
                                "confirm",
                                "manual-task",
                                List.of(),
                                Map.of("instructions", "x"),
                                null,
                                null,
                                null,
                                null,
                                null),
                        record("after", List.of("confirm"), Map.of())));
        awaitStep(id, "confirm", "awaiting-approval");

        as("operator").post("/api/migrations/" + id + "/pause").then().statusCode(202);
        awaitStatus(id, "paused");
        int commands = flows.commandCount();
        // Forbidden: a viewer resuming, an operator approving. Nothing is appended, nothing is audited.
        as("viewer").post("/api/migrations/" + id + "/resume").then().statusCode(403);
        as("operator")
                .post("/api/migrations/" + id + "/steps/confirm/approval")
                .then()
                .statusCode(403);
        assertThat(flows.commandCount()).isEqualTo(commands);
        as("operator").post("/api/migrations/" + id + "/resume").then().statusCode(202);
        awaitStatus(id, "running");
        // A Slack button on a step without an open gate: consumed, refused, audited with the reason.
        flows.probe()
                .append(
                        EventIds.random(),
                        "/ferry/notifier",
                        new ApproveGate(id, "after", "U42 (sam)", "slack", null, Instant.now()));
        // A name in the header or body cannot stand in for the token's user.
        as("approver")
                .header("X-Ferry-User", "mallory")
                .contentType("application/json")
                .body("{\"by\": \"mallory\", \"requestedBy\": \"mallory\", \"comment\": \"checked the DNS\"}")
                .post("/api/migrations/" + id + "/steps/confirm/approval")
                .then()
                .statusCode(202);
        awaitStatus(id, "completed");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(actions(id))
                        .containsExactly(
                                "request-plan alice accepted",
                                "approve-plan bob accepted",
                                "start ferry recorded",
                                "pause operator accepted",
                                "resume operator accepted",
                                "approve-gate U42 (sam) rejected",
                                "approve-gate approver accepted",
                                "complete ferry recorded"));
        JsonPath trail = given().get("/api/migrations/" + id + "/audit")
                .then()
                .statusCode(200)
                .body("migrationId", equalTo(id))
                .extract()
                .jsonPath();
        assertThat(trail.getList("entries.at", String.class))
                .isSortedAccordingTo((a, b) -> Instant.parse(a).compareTo(Instant.parse(b)));
        assertThat(trail.getString("entries[0].planId")).isEqualTo("plan-audit");
        assertThat(trail.getString("entries[3].via")).isEqualTo("rest");
        assertThat(trail.getString("entries[5].via")).isEqualTo("slack");
        assertThat(trail.getString("entries[5].stepId")).isEqualTo("after");
        assertThat(trail.getString("entries[5].reason")).isEqualTo("Step after has no open gate (it is pending)");
        assertThat(trail.getString("entries[6].stepId")).isEqualTo("confirm");
        assertThat(trail.getString("entries[6].comment")).isEqualTo("checked the DNS");
        assertThat(trail.prettify()).doesNotContain("mallory").doesNotContain("\"viewer\"");
    }

    @Test
    void theEstateTrailFiltersByActorMigrationActionAndTimeAndPages() {
        Flows flows = new Flows(bootstrap);
        String id = flows.run(
                "plan-audit-pages",
                List.of(step(
                        "gate", "manual-task", List.of(), Map.of("instructions", "x"), null, null, null, null, null)));
        awaitStep(id, "gate", "awaiting-approval");
        as("operator").post("/api/migrations/" + id + "/pause").then().statusCode(202);
        awaitStatus(id, "paused");
        as("operator")
                .contentType("application/json")
                .body("{\"reason\": \"not today\"}")
                .post("/api/migrations/" + id + "/cancel")
                .then()
                .statusCode(202);
        awaitStatus(id, "cancelled");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(actions(id)).endsWith("pause operator accepted", "cancel operator accepted"));

        JsonPath byOperator = given().queryParam("actor", "operator")
                .queryParam("migration", id)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(byOperator.getList("entries.action", String.class)).containsExactly("pause", "cancel");
        assertThat(byOperator.getString("entries[1].reason")).isEqualTo("not today");
        assertThat(byOperator.getLong("total")).isEqualTo(2);
        assertThat(byOperator.getString("nextOffset")).isNull();

        JsonPath first = page(id, 2, 0);
        assertThat(first.getLong("total")).isEqualTo(5);
        assertThat(first.getInt("nextOffset")).isEqualTo(2);
        JsonPath second = page(id, 2, 2);
        JsonPath third = page(id, 2, 4);
        assertThat(third.getString("nextOffset")).isNull();
        List<String> paged = new java.util.ArrayList<>(first.getList("entries.action", String.class));
        paged.addAll(second.getList("entries.action", String.class));
        paged.addAll(third.getList("entries.action", String.class));
        assertThat(paged).containsExactly("request-plan", "approve-plan", "start", "pause", "cancel");

        String cancelAt = third.getString("entries[0].at");
        assertThat(given().queryParam("migration", id)
                        .queryParam("since", cancelAt)
                        .get("/api/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("entries.action", String.class))
                .containsExactly("cancel");
        assertThat(given().queryParam("action", "cancel")
                        .queryParam("migration", id)
                        .get("/api/audit")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("entries.actor", String.class))
                .containsExactly("operator");
    }

    @Test
    void aRedeliveredCommandThatWasAcceptedIsNotRefusedAfterTheFact() {
        Flows flows = new Flows(bootstrap);
        String id = flows.run(
                "plan-audit-redelivery",
                List.of(
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
                        record("then", List.of("gate"), Map.of("sleepMs", "3000"))));
        awaitStep(id, "gate", "awaiting-approval");
        ApproveGate approve = new ApproveGate(id, "gate", "U9 (kim)", "slack", null, Instant.now());
        flows.probe().append("redelivered-approval", "/ferry/notifier", approve);
        awaitStep(id, "then", "running");
        // The same command again, as after a consumer crash before its offset was committed.
        flows.probe().append("redelivered-approval", "/ferry/notifier", approve);
        awaitStatus(id, "completed");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(actions(id)).endsWith("complete ferry recorded"));
        assertThat(actions(id))
                .filteredOn(a -> a.startsWith("approve-gate"))
                .containsExactly("approve-gate U9 (kim) accepted");
    }

    @Test
    void badQueriesAndUnknownMigrationsAreProblems() {
        given().queryParam("since", "yesterday")
                .get("/api/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("ISO-8601"));
        given().queryParam("limit", "0").get("/api/audit").then().statusCode(400);
        given().queryParam("limit", "abc")
                .get("/api/audit")
                .then()
                .statusCode(400)
                .body("detail", containsString("whole number"));
        given().queryParam("offset", "-1").get("/api/audit").then().statusCode(400);
        given().get("/api/migrations/unknown/audit")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No migration with id unknown"));
    }

    @Test
    void aRebuiltProjectionHasTheSameTrail() {
        Flows flows = new Flows(bootstrap);
        String id = flows.run("plan-audit-rebuild", List.of(record("one", List.of(), Map.of())));
        awaitStatus(id, "completed");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(actions(id)).endsWith("complete ferry recorded"));
        String before =
                given().get("/api/migrations/" + id + "/audit").then().extract().asString();
        as("admin").post("/api/admin/projection/rebuild").then().statusCode(200);
        assertThat(given().get("/api/migrations/" + id + "/audit")
                        .then()
                        .extract()
                        .asString())
                .isEqualTo(before);
    }

    private static JsonPath page(String id, int limit, int offset) {
        return given().queryParam("migration", id)
                .queryParam("limit", limit)
                .queryParam("offset", offset)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .body("limit", equalTo(limit))
                .body("offset", equalTo(offset))
                .extract()
                .jsonPath();
    }

    private static List<String> actions(String id) {
        JsonPath trail = given().get("/api/migrations/" + id + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> actions = trail.getList("entries.action", String.class);
        List<String> actors = trail.getList("entries.actor", String.class);
        List<String> outcomes = trail.getList("entries.outcome", String.class);
        return java.util.stream.IntStream.range(0, actions.size())
                .mapToObj(i -> actions.get(i) + " " + actors.get(i) + " " + outcomes.get(i))
                .toList();
    }
}

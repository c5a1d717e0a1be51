package dev.ferry.executor.rest;

import static dev.ferry.executor.support.Flows.as;
import static dev.ferry.executor.support.Flows.awaitStatus;
import static dev.ferry.executor.support.Flows.awaitStep;
import static dev.ferry.executor.support.Flows.record;
import static dev.ferry.executor.support.Flows.step;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.ferry.events.plan.PlanStep;
import dev.ferry.executor.support.Flows;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import dev.ferry.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command endpoint, what it appends when allowed, and each refusal appending nothing. */
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
class MigrationCommandResourceTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String gated;
    static String done;
    Flows flows;

    @BeforeEach
    void setUp() {
        flows = new Flows(bootstrap);
        if (gated == null) {
            gated = flows.run(
                    "plan-bad-input",
                    List.of(
                            record("ran", List.of(), Map.of()),
                            step(
                                    "wait-here",
                                    "manual-task",
                                    List.of("ran"),
                                    Map.of("instructions", "x"),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null),
                            record("later", List.of("wait-here"), Map.of())));
            awaitStep(gated, "wait-here", "awaiting-approval");
            done = flows.run("plan-done", List.<PlanStep>of(record("only", List.of(), Map.of())));
            awaitStatus(done, "completed");
        }
    }

    /** Paths name the migrations as GATED (waits at a manual task) and DONE (completed). */
    static Stream<Arguments> refusals() {
        String m = "/api/migrations/";
        String gated = "GATED";
        String done = "DONE";
        return Stream.of(
                Arguments.of(m + "unknown/pause", 404, "No migration with id unknown"),
                Arguments.of(m + "unknown/resume", 404, "No migration with id unknown"),
                Arguments.of(m + "unknown/cancel", 404, "No migration with id unknown"),
                Arguments.of(m + "unknown/rollback", 404, "No migration with id unknown"),
                Arguments.of(m + "unknown/steps/ran/retry", 404, "No migration with id unknown"),
                Arguments.of(m + "unknown/steps/ran/approval", 404, "No migration with id unknown"),
                Arguments.of(m + gated + "/steps/nope/approval", 404, "has no step nope"),
                Arguments.of(m + gated + "/steps/nope/retry", 404, "has no step nope"),
                Arguments.of(m + gated + "/steps/later/approval", 409, "Step later has no open gate (it is pending)"),
                Arguments.of(m + gated + "/steps/ran/retry", 409, "Step ran did not fail (it is succeeded)"),
                Arguments.of(m + gated + "/resume", 409, "is running, not paused"),
                Arguments.of(m + gated + "/rollback", 409, "pause it first"),
                Arguments.of(m + done + "/pause", 409, "only a running migration can be paused"),
                Arguments.of(m + done + "/cancel", 409, "can no longer be cancelled"),
                Arguments.of(m + done + "/steps/only/approval", 409, "can no longer be approved"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("refusals")
    void refusedCommandsAnswerAProblemAndAppendNothing(String path, int status, String detail) {
        int before = flows.commandCount();
        as("everyone")
                .post(path.replace("GATED", gated).replace("DONE", done))
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("detail", containsString(detail));
        assertThat(flows.commandCount()).isEqualTo(before);
    }

    @Test
    void aRequestWithoutATokenOrWithABadBodyIsRefusedAndAppendsNothing() {
        int before = flows.commandCount();
        given().auth()
                .none()
                .post("/api/migrations/" + gated + "/steps/wait-here/approval")
                .then()
                .statusCode(401);
        given().auth()
                .none()
                .header("X-Ferry-User", "mallory")
                .post("/api/migrations/" + gated + "/pause")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .body("{not json")
                .post("/api/migrations/" + gated + "/pause")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(flows.commandCount()).isEqualTo(before);
    }

    @Test
    void aBodyInAnotherContentTypeIsRefusedWith415AndChangesNothing() throws Exception {
        String id = flows.run(
                "plan-media-types",
                List.of(step(
                        "gate", "manual-task", List.of(), Map.of("instructions", "x"), null, null, null, null, null)));
        awaitStep(id, "gate", "awaiting-approval");
        int before = flows.commandCount();
        Map<String, String> bodies = Map.of(
                "text/plain", "{\"reason\": \"typed as text\"}",
                "application/x-www-form-urlencoded", "reason=form",
                "application/xml", "<reason>xml</reason>");
        for (String command :
                List.of("/pause", "/resume", "/cancel", "/rollback", "/steps/gate/retry", "/steps/gate/approval")) {
            bodies.forEach((type, body) -> as("everyone")
                    .contentType(type)
                    .body(body)
                    .post("/api/migrations/" + id + command)
                    .then()
                    .statusCode(415)
                    .contentType("application/problem+json")
                    .body("status", equalTo(415))
                    .body("title", equalTo("Unsupported Media Type"))
                    .body("detail", containsString("The body was sent as " + type))
                    .body("detail", containsString("migration commands take an application/json body"))
                    .body("detail", endsWith("or none. Nothing was done"))
                    .body("instance", equalTo("/api/migrations/" + id + command)));
        }
        assertThat(flows.commandCount()).isEqualTo(before);
        given().get("/api/migrations/" + id + "/steps/gate").then().body("step.status", equalTo("awaiting-approval"));

        // a body without any content type is refused too (java.net.http sends none unless told)
        HttpResponse<String> untyped = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + RestAssured.port + "/api/migrations/" + id + "/cancel"))
                                .header("Authorization", "Bearer " + Tokens.of("everyone"))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"untyped\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(untyped.statusCode()).isEqualTo(415);
        assertThat(untyped.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(untyped.body()).contains("The body was sent without a content type");
        assertThat(flows.commandCount()).isEqualTo(before);

        // JSON and no body at all are still taken (RestAssured labels an empty POST as a form, like curl -d '')
        as("everyone").post("/api/migrations/" + id + "/pause").then().statusCode(202);
        awaitStatus(id, "paused");
        as("everyone")
                .contentType("application/json")
                .body("{\"comment\": \"typed as JSON\"}")
                .post("/api/migrations/" + id + "/steps/gate/approval")
                .then()
                .statusCode(202);
        as("everyone")
                .contentType("application/json; charset=UTF-8")
                .body("{}")
                .post("/api/migrations/" + id + "/resume")
                .then()
                .statusCode(202);
        awaitStatus(id, "completed");
        assertThat(flows.commandCount()).isEqualTo(before + 3);
        assertThat(flows.events(id).stream().map(e -> e.data().getClass().getSimpleName()))
                .doesNotContain("MigrationCancelled", "RollbackStarted");
        given().get("/api/migrations/" + id + "/steps/gate")
                .then()
                .body("log.line", hasItem("Approved by everyone via rest: typed as JSON"));
    }

    @Test
    void readsAnswerNotFoundForUnknownMigrationsAndSteps() {
        given().get("/api/migrations/unknown/steps/x").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/migrations/" + gated + "/steps/x")
                .then()
                .statusCode(404)
                .body("detail", containsString("has no step x"));
    }

    @Test
    void allowedCommandsAreAppendedAndAnswered202ThenTakeEffect() {
        String id = flows.run(
                "plan-commands",
                List.of(step(
                        "gate", "manual-task", List.of(), Map.of("instructions", "x"), null, null, null, null, null)));
        awaitStep(id, "gate", "awaiting-approval");
        int before = flows.commandCount();
        as("everyone")
                .post("/api/migrations/" + id + "/pause")
                .then()
                .statusCode(202)
                .body("type", equalTo("ferry.command.pause-migration.v1"))
                .body("migrationId", equalTo(id));
        awaitStatus(id, "paused");
        as("everyone").post("/api/migrations/" + id + "/resume").then().statusCode(202);
        awaitStatus(id, "running");
        as("everyone")
                .post("/api/migrations/" + id + "/steps/gate/approval")
                .then()
                .statusCode(202);
        awaitStatus(id, "completed");
        as("everyone").post("/api/migrations/" + id + "/rollback").then().statusCode(202);
        awaitStatus(id, "rolled-back");
        assertThat(flows.commandCount()).isEqualTo(before + 4);
    }
}

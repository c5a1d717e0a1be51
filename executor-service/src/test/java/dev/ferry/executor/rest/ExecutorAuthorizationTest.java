package dev.ferry.executor.rest;

import static dev.ferry.executor.support.Flows.awaitStatus;
import static dev.ferry.executor.support.Flows.awaitStep;
import static dev.ferry.executor.support.Flows.record;
import static dev.ferry.executor.support.Flows.step;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.security.Roles;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.executor.support.Flows;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.AuthorizationMatrix;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import dev.ferry.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the executor, called without a token, with an expired one, with another issuer's
 * and as every test user: only the roles it lists get in, and nobody else changes anything.
 */
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
class ExecutorAuthorizationTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void everyEndpointLetsInOnlyItsRoles() {
        Flows flows = new Flows(bootstrap);
        String gated = flows.run(
                "plan-authz-gated",
                List.of(
                        record("first", List.of(), Map.of()),
                        step(
                                "wait",
                                "manual-task",
                                List.of("first"),
                                Map.of("instructions", "x"),
                                null,
                                null,
                                null,
                                null,
                                null)));
        awaitStep(gated, "wait", "awaiting-approval");
        String done = flows.run("plan-authz-done", List.<PlanStep>of(record("only", List.of(), Map.of())));
        awaitStatus(done, "completed");

        String m = "/api/migrations/";
        AuthorizationMatrix matrix = new AuthorizationMatrix()
                .endpoint("GET", "/api/migrations", null, Roles.VIEWER)
                .endpoint("GET", m + gated, null, Roles.VIEWER)
                .endpoint("GET", m + gated + "/steps/wait", null, Roles.VIEWER)
                // A completed migration's stream sends its state and ends.
                .endpoint("GET", m + done + "/events", null, Roles.VIEWER)
                .endpoint("GET", m + gated + "/audit", null, Roles.VIEWER)
                .endpoint("GET", m + done + "/evidence", null, Roles.VIEWER)
                .endpoint("GET", "/api/audit?migration=" + gated + "&limit=5", null, Roles.VIEWER)
                .endpoint("GET", "/api/evidence/signing-key", null, Roles.VIEWER)
                .endpoint("POST", "/api/plans/plan-authz-gated/versions/1/dry-run", null, Roles.OPERATOR)
                // A running migration: resume and rollback are refused (409), pause and cancel go through.
                .endpoint("POST", m + gated + "/resume", null, Roles.OPERATOR)
                .endpoint("POST", m + gated + "/rollback", null, Roles.OPERATOR)
                .endpoint("POST", m + gated + "/steps/first/retry", null, Roles.OPERATOR)
                .endpoint("POST", m + gated + "/steps/wait/approval", "{\"comment\": \"ok\"}", Roles.APPROVER)
                .endpoint("POST", m + gated + "/pause", null, Roles.OPERATOR)
                .endpoint("POST", m + gated + "/cancel", "{\"reason\": \"matrix\"}", Roles.OPERATOR)
                .endpoint("POST", "/api/admin/projection/rebuild", null, Roles.ADMIN);

        List<String> violations = matrix.violations();
        System.out.println(
                "ExecutorAuthorizationTest: " + matrix.calls() + " calls, " + violations.size() + " violations");
        assertThat(violations).isEmpty();
        assertThat(matrix.calls()).isEqualTo(16 * (3 + AuthorizationMatrix.USERS.size()));
    }

    @Test
    void aStreamOfAnUnknownMigrationAsksForATokenBeforeSayingItIsUnknown() {
        given().auth().none().get("/api/migrations/unknown/events").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.of("nobody"))
                .get("/api/migrations/unknown/events")
                .then()
                .statusCode(403);
        given().get("/api/migrations/unknown/events").then().statusCode(404);
    }

    @Test
    void theOpenApiDocumentStaysOpen() {
        given().auth().none().get("/q/openapi").then().statusCode(200);
    }
}

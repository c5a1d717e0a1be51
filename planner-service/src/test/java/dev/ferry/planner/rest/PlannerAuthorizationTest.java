package dev.ferry.planner.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.in;

import dev.ferry.common.security.Roles;
import dev.ferry.events.EventIds;
import dev.ferry.events.Topics;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.planner.Estates;
import dev.ferry.planner.domain.PlanRules;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.AuthorizationMatrix;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the planner against every role, no token, an expired token and another issuer's
 * token; and refused callers change nothing. Shares the resource set of {@link PlanResourceTest}.
 */
@QuarkusTest
@AsUser("everyone")
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "ferry_planner"))
class PlannerAuthorizationTest {
    /** The test users holding the approver role. */
    private static final List<String> APPROVERS = List.of("approver", "approver2", "everyone");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** Proposes the estate and waits until the projection shows the version. */
    private String propose(EstateDiscovered estate, int version) {
        new EventProbe(bootstrap).append(EventIds.random(), "/ferry/inventory", estate);
        String planId = PlanRules.planId(estate.account().id(), PlanRules.ACCOUNT_SCOPE);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/plans/" + planId)
                        .then()
                        .statusCode(200)
                        .body("plan.version", equalTo(version)));
        return planId;
    }

    @Test
    void everyEndpointLetsInExactlyItsRoles() {
        EstateDiscovered first = Estates.shop("d-authz-1", "alice", "acc-authz");
        String plan = propose(first, 1);
        propose(Estates.withWorkers(first, "d-authz-2", 3), 2);
        String approve = propose(Estates.shop("d-authz-approve", "alice", "acc-authz-approve"), 1);
        String reject = propose(Estates.shop("d-authz-reject", "alice", "acc-authz-reject"), 1);
        String base = "/api/plans/" + plan;

        AuthorizationMatrix matrix = new AuthorizationMatrix()
                .endpoint("GET", "/api/plans", null, Roles.VIEWER)
                .endpoint("GET", base, null, Roles.VIEWER)
                .endpoint("GET", base + "/versions", null, Roles.VIEWER)
                .endpoint("GET", base + "/steps?version=1", null, Roles.VIEWER)
                .endpoint("GET", base + "/steps/deploy:acme-shop", null, Roles.VIEWER)
                .endpoint("GET", base + "/fidelity", null, Roles.VIEWER)
                .endpoint("GET", base + "/files", null, Roles.VIEWER)
                .endpoint("GET", base + "/files/acme-shop/Dockerfile", null, Roles.VIEWER)
                .endpoint("GET", base + "/runbook", null, Roles.VIEWER)
                .endpoint("GET", base + "/diff?from=1&to=2", null, Roles.VIEWER)
                .endpoint(
                        "POST",
                        "/api/plans/" + approve + "/approval",
                        "{\"version\": 1, \"comment\": \"reviewed\"}",
                        Roles.APPROVER)
                .endpoint(
                        "POST",
                        "/api/plans/" + reject + "/rejection",
                        "{\"version\": 1, \"comment\": \"not yet\"}",
                        Roles.APPROVER)
                .endpoint("POST", "/api/admin/projection/rebuild", null, Roles.ADMIN);

        List<String> violations = matrix.violations();
        System.out.printf("PlannerAuthorizationTest: %d calls to 13 endpoints%n", matrix.calls());
        assertThat(violations).isEmpty();
        assertThat(matrix.calls()).isEqualTo(13 * (3 + AuthorizationMatrix.USERS.size()));

        // An approver let in decided each plan. Which one is not fixed: a second approval that arrives
        // before the projection shows the first is let in too (decisions are checked against the
        // projection), so any of the three users with the approver role may be the last recorded.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/plans/" + approve)
                        .then()
                        .body("plan.status", equalTo("approved"))
                        .body("plan.decidedBy", in(APPROVERS)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/plans/" + reject)
                        .then()
                        .body("plan.status", equalTo("rejected"))
                        .body("plan.decidedBy", in(APPROVERS)));
    }

    @Test
    void theOpenApiDocumentIsOpenAndDecisionBodiesNameNoOne() {
        JsonPath openapi = JsonPath.from(given().auth()
                .none()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Map<String, Object> approval = openapi.getMap("components.schemas.ApprovalRequest.properties");
        Map<String, Object> rejection = openapi.getMap("components.schemas.RejectionRequest.properties");
        assertThat(approval).containsOnlyKeys("version", "comment");
        assertThat(rejection).containsOnlyKeys("version", "comment");
        assertThat(openapi.prettify()).doesNotContain("X-Ferry-User");
        given().auth().none().get("/q/health").then().statusCode(200);
    }

    @Test
    void refusedDecisionsAppendNothing() {
        String plan = propose(Estates.shop("d-authz-refused", "alice", "acc-authz-refused"), 1);
        EventProbe probe = new EventProbe(bootstrap);
        int before = probe.records(Topics.PLANS).size();
        for (String user : List.of("viewer", "operator", "admin", "nobody")) {
            given().auth()
                    .oauth2(Tokens.of(user))
                    .contentType("application/json")
                    .body("{\"comment\": \"let me\"}")
                    .post("/api/plans/" + plan + "/approval")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(Tokens.of(user))
                    .contentType("application/json")
                    .body("{}")
                    .post("/api/plans/" + plan + "/rejection")
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .none()
                .contentType("application/json")
                .body("{}")
                .post("/api/plans/" + plan + "/approval")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.expired("approver"))
                .contentType("application/json")
                .body("{}")
                .post("/api/plans/" + plan + "/approval")
                .then()
                .statusCode(401);
        assertThat(probe.records(Topics.PLANS)).hasSize(before);
        given().get("/api/plans/" + plan).then().body("plan.status", equalTo("proposed"));
    }
}

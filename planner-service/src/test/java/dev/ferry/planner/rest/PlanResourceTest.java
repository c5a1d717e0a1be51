package dev.ferry.planner.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.Topics;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.planner.Estates;
import dev.ferry.planner.domain.PlanRules;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "ferry_planner"))
class PlanResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private String proposeFor(String discoveryId, String requester) {
        EventProbe probe = new EventProbe(bootstrap);
        probe.append(EventIds.random(), "/ferry/inventory", Estates.shop(discoveryId, requester));
        String planId = PlanRules.planId(discoveryId);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/plans/" + planId)
                        .then()
                        .statusCode(200)
                        .body("plan.status", equalTo("proposed")));
        return planId;
    }

    @Test
    void anInventoryBecomesAProposedPlanWithReasonsAndNoSecrets() {
        String planId = proposeFor("d-propose", "alice");
        String body = given().get("/api/plans/" + planId)
                .then()
                .statusCode(200)
                .body("plan.environment", equalTo("acme-production"))
                .body("plan.requestedBy", equalTo("alice"))
                .body("steps.type", hasItems("ensure-environment", "ensure-app", "configure-app"))
                .body("steps.find { it.id == 'configure:acme-shop' }.secrets.SECRET_KEY_BASE", startsWith("fp:"))
                .extract()
                .asString();
        assertThat(body).doesNotContain(Estates.SECRET);
        CloudEvent proposed = new EventProbe(bootstrap)
                .await(
                        Topics.PLANS,
                        e -> e.subject().equals(planId) && e.data() instanceof PlanProposed,
                        Duration.ofSeconds(10));
        assertThat(((PlanProposed) proposed.data()).steps()).hasSize(5);
        given().get("/api/plans").then().statusCode(200).body("id", hasItems(planId));
    }

    @Test
    void approvalAppendsAnEventAndASecondApprovalIsRefused() {
        String planId = proposeFor("d-approve", "alice");
        given().contentType("application/json")
                .body("{\"approvedBy\": \"bob\", \"comment\": \"looks right\"}")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("approved"))
                .body("version", equalTo(1));
        CloudEvent approved = new EventProbe(bootstrap)
                .await(
                        Topics.PLANS,
                        e -> e.subject().equals(planId) && e.data() instanceof PlanApproved,
                        Duration.ofSeconds(10));
        assertThat(((PlanApproved) approved.data()).approvedBy()).isEqualTo("bob");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/plans/" + planId)
                        .then()
                        .body("plan.status", equalTo("approved"))
                        .body("plan.decidedBy", equalTo("bob")));

        given().contentType("application/json")
                .body("{\"approvedBy\": \"carol\"}")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already approved"));
    }

    @Test
    void badDecisionsAreRefusedAndChangeNothing() {
        String planId = proposeFor("d-refuse", "alice");
        int before = new EventProbe(bootstrap).records(Topics.PLANS).size();
        given().contentType("application/json")
                .body("{\"approvedBy\": \"bob\", \"version\": 7}")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(409)
                .body("detail", containsString("not the latest"));
        given().contentType("application/json")
                .body("{\"approvedBy\": \"alice\"}")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(409)
                .body("detail", containsString("another person"));
        given().contentType("application/json")
                .body("{\"approvedBy\": ")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType("text/plain")
                .body("approve")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(415);
        given().contentType("application/json")
                .body("{\"approvedBy\": \"bob\"}")
                .post("/api/plans/no-such-plan/approval")
                .then()
                .statusCode(404)
                .body("detail", containsString("No plan"));
        assertThat(new EventProbe(bootstrap).records(Topics.PLANS)).hasSize(before);
        given().get("/api/plans/" + planId).then().body("plan.status", equalTo("proposed"));
    }

    @Test
    void aRedeliveredInventoryDoesNotProposeTwice() {
        EventProbe probe = new EventProbe(bootstrap);
        var estate = Estates.shop("d-twice", "alice");
        probe.append("inventory-event-twice", "/ferry/inventory", estate);
        probe.append("inventory-event-twice", "/ferry/inventory", estate);
        String planId = PlanRules.planId("d-twice");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(probe.readAll(Topics.PLANS).stream()
                                .filter(e -> e.subject().equals(planId)))
                        .hasSize(2));
        assertThat(probe.readAll(Topics.PLANS).stream()
                        .filter(e -> e.subject().equals(planId))
                        .map(CloudEvent::id)
                        .distinct())
                .as("both proposals carry the same event id, so consumers apply one")
                .hasSize(1);
        given().get("/api/plans/" + planId).then().statusCode(200).body("plan.version", equalTo(1));
    }

    @Test
    void replayRebuildsTheSameState() {
        String planId = proposeFor("d-replay", "alice");
        given().contentType("application/json")
                .body("{\"rejectedBy\": \"bob\", \"comment\": \"not yet\"}")
                .post("/api/plans/" + planId + "/rejection")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> given().get("/api/plans/" + planId).then().body("plan.status", equalTo("rejected")));
        String before = given().get("/api/plans").then().extract().asString();
        String detail = given().get("/api/plans/" + planId).then().extract().asString();
        given().post("/api/admin/projection/rebuild").then().statusCode(200);
        assertThat(given().get("/api/plans").then().extract().asString()).isEqualTo(before);
        assertThat(given().get("/api/plans/" + planId).then().extract().asString())
                .isEqualTo(detail);
    }
}

package dev.ferry.planner.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.Topics;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.planner.Estates;
import dev.ferry.planner.domain.PlanRules;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SecuredKafkaTestResource;
import dev.ferry.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The planner on a broker that enforces ACLs, granted exactly what production's KafkaUser
 * {@code ferry-planner} grants (k8s/overlays/production/kafka-users.yaml), with the topics created
 * beforehand as Strimzi does: the whole plan flow, the projection replay and the readiness check work
 * with those ACLs, and the planner may not write another service's topic.
 */
@QuarkusTest
@AsUser("everyone")
@WithTestResource(
        value = SecuredKafkaTestResource.class,
        initArgs = {
            @ResourceArg(name = "protocol", value = "tls-acl"),
            @ResourceArg(name = "kafka-user", value = "ferry-planner"),
            @ResourceArg(name = "kafka-users", value = "../k8s/overlays/production/kafka-users.yaml")
        })
@WithTestResource(OidcTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "ferry_planner_acl"))
class KafkaAclTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** The settings under a prefix, without it (read when used: other test classes lack them). */
    private static Map<String, String> settings(String prefix) {
        Config config = ConfigProvider.getConfig();
        Map<String, String> found = new HashMap<>(Map.of("request.timeout.ms", "5000", "max.block.ms", "5000"));
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(prefix) && !name.equals("kafka.bootstrap.servers")) {
                found.put(name.substring(prefix.length()), config.getValue(name, String.class));
            }
        }
        return found;
    }

    /** Another service (the inventory, an operator): the broker's own identity, allowed everything. */
    private EventProbe superUser() {
        return new EventProbe(bootstrap, settings("ferry-test.kafka-super."));
    }

    /** A client with the planner's certificate, so with the planner's ACLs. */
    private EventProbe asPlanner() {
        return new EventProbe(bootstrap, settings("kafka."));
    }

    @Test
    void theWholePlanFlowRunsWithOnlyTheProductionAcls() {
        var estate = Estates.shop("d-acl", "alice", "acc-acl");
        superUser().append(EventIds.random(), "/ferry/inventory", estate);
        String planId = PlanRules.planId(estate.account().id(), PlanRules.ACCOUNT_SCOPE);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/api/plans/" + planId)
                        .then()
                        .statusCode(200)
                        .body("plan.status", equalTo("proposed")));

        given().auth()
                .oauth2(Tokens.of("approver"))
                .contentType("application/json")
                .body("{\"version\": 1}")
                .post("/api/plans/" + planId + "/approval")
                .then()
                .statusCode(200);
        CloudEvent approved = superUser()
                .await(
                        Topics.PLANS,
                        e -> e.subject().equals(planId) && e.data() instanceof PlanApproved,
                        Duration.ofSeconds(30));
        assertThat(((PlanApproved) approved.data()).approvedBy()).isEqualTo("approver");

        given().auth()
                .oauth2(Tokens.of("admin"))
                .post("/api/admin/projection/rebuild")
                .then()
                .statusCode(200)
                .body("eventsRead", greaterThan(1));
        given().auth().none().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void thePlannerMayNotWriteAnotherServicesTopic() {
        StepSucceeded forged =
                new StepSucceeded("mig-acl", "app:x", "ensure-app", "forged", Map.of(), 1, Instant.now());
        assertThatThrownBy(() -> asPlanner().append(EventIds.random(), "/ferry/planner", forged))
                .isInstanceOf(IllegalStateException.class)
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }
}

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
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.planner.Estates;
import dev.ferry.planner.domain.PlanRules;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.KafkaSaslTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The planner on a broker that wants SASL credentials, configured the way an operator does it (the
 * {@code kafka.*} settings, {@code KAFKA_*} in the environment): the messaging connector, the topic
 * creation at start and the projection replay all connect with them. TLS settings travel the same
 * way (Kafka's test kit has no TLS listener to prove it with).
 */
@QuarkusTest
@AsUser("everyone")
@WithTestResource(KafkaSaslTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "ferry_planner_sasl"))
class KafkaSecurityTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** Read when used: the other test classes of this module start the service without these settings. */
    private static String setting(String name) {
        return ConfigProvider.getConfig().getValue("kafka." + name, String.class);
    }

    private EventProbe secured() {
        return new EventProbe(
                bootstrap,
                Map.of(
                        "security.protocol", setting("security.protocol"),
                        "sasl.mechanism", setting("sasl.mechanism"),
                        "sasl.jaas.config", setting("sasl.jaas.config")));
    }

    @Test
    void theWholePlanFlowRunsWithTheOperatorsKafkaSecuritySettings() {
        assertThat(setting("security.protocol")).isEqualTo("SASL_PLAINTEXT");
        // topics were created at start by the service's own admin client, signed in
        var estate = Estates.shop("d-sasl", "alice", "acc-sasl");
        secured().append(EventIds.random(), "/ferry/inventory", estate);
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
        CloudEvent approved = secured()
                .await(
                        Topics.PLANS,
                        e -> e.subject().equals(planId) && e.data() instanceof PlanApproved,
                        Duration.ofSeconds(30));
        assertThat(((PlanApproved) approved.data()).approvedBy()).isEqualTo("approver");

        String before = given().get("/api/plans/" + planId).then().extract().asString();
        given().auth()
                .oauth2(Tokens.of("admin"))
                .post("/api/admin/projection/rebuild")
                .then()
                .statusCode(200)
                .body("eventsRead", greaterThan(1));
        assertThat(given().get("/api/plans/" + planId).then().extract().asString())
                .isEqualTo(before);
    }

    @Test
    void aClientWithoutTheCredentialsIsNotServed() {
        EventProbe plain = new EventProbe(bootstrap, Map.of("request.timeout.ms", "3000", "max.block.ms", "3000"));
        assertThatThrownBy(() -> plain.append(
                        EventIds.random(), "/ferry/inventory", Estates.shop("d-plain", "alice", "acc-plain")))
                .isInstanceOf(IllegalStateException.class);
    }
}

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
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.Tokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The planner on a broker that wants credentials, configured the way an operator does it (the
 * {@code kafka.*} settings, {@code KAFKA_*} in the environment): the messaging connector, the topic
 * creation at start and the projection replay all connect with them. One subclass per protocol;
 * {@link KafkaAclTest} adds the production ACLs.
 */
abstract class SecuredKafkaContract {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** The {@code kafka.*} settings (without the prefix) a client of this broker needs. */
    abstract List<String> clientSettingNames();

    /** The protocol the operator's settings name. */
    abstract String protocol();

    /** Read when used: the other test classes of this module start the service without these settings. */
    private static String setting(String name) {
        return ConfigProvider.getConfig().getValue("kafka." + name, String.class);
    }

    EventProbe withSettings(List<String> names) {
        Map<String, String> settings = new HashMap<>(Map.of("request.timeout.ms", "3000", "max.block.ms", "3000"));
        names.forEach(name -> settings.put(name, setting(name)));
        return new EventProbe(bootstrap, settings);
    }

    /** The tests' own client, appending and reading as other services do: with the service's settings. */
    EventProbe testClient() {
        return new EventProbe(
                bootstrap, clientSettingNames().stream().collect(Collectors.toMap(n -> n, n -> setting(n))));
    }

    @Test
    void theWholePlanFlowRunsWithTheOperatorsKafkaSecuritySettings() {
        assertThat(setting("security.protocol")).isEqualTo(protocol());
        // the topics exist: created at start by the service's own admin client, signed in, or
        // beforehand where the broker's ACLs do not let the service create them
        var estate = Estates.shop("d-secured", "alice", "acc-secured");
        testClient().append(EventIds.random(), "/ferry/inventory", estate);
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
        CloudEvent approved = testClient()
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
        EventProbe plain = withSettings(List.of());
        assertThatThrownBy(() -> plain.append(
                        EventIds.random(), "/ferry/inventory", Estates.shop("d-plain", "alice", "acc-plain")))
                .isInstanceOf(IllegalStateException.class);
    }
}

package dev.ferry.planner.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.events.EventIds;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SecuredKafkaTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

/**
 * The planner on a broker that enforces ACLs, granted exactly what production's KafkaUser
 * {@code ferry-planner} grants (k8s/overlays/production/kafka-users.yaml), with the topics created
 * beforehand as Strimzi does: the whole plan flow and the projection replay (the contract's tests)
 * and the readiness check work with those ACLs, and the planner may not write another service's topic.
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
class KafkaAclTest extends SecuredKafkaContract {
    @Override
    List<String> clientSettingNames() {
        return KafkaTlsTest.CLIENT_SETTINGS;
    }

    @Override
    String protocol() {
        return "SSL";
    }

    /** Other services (the inventory, an operator): the broker's own identity, allowed everything. */
    @Override
    EventProbe testClient() {
        return new EventProbe(bootstrap, SecuredKafkaTestResource.superUserSettings());
    }

    @Test
    void theServiceIsReadyWithOnlyTheProductionAcls() {
        given().auth().none().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void thePlannerMayNotWriteAnotherServicesTopic() {
        StepSucceeded forged =
                new StepSucceeded("mig-acl", "app:x", "ensure-app", "forged", Map.of(), 1, Instant.now());
        assertThatThrownBy(() -> withSettings(clientSettingNames()).append(EventIds.random(), "/ferry/planner", forged))
                .isInstanceOf(IllegalStateException.class)
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }
}

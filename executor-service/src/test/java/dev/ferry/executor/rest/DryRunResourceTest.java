package dev.ferry.executor.rest;

import static dev.ferry.executor.support.Flows.step;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ferry.events.Topics;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@AsUser("operator")
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
class DryRunResourceTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.rest-client.aptible.url")
    String aptible;

    @Test
    void aDryRunReportsEachStepsProblemsAndChangesNothing() {
        Flows flows = new Flows(bootstrap);
        flows.propose(
                "plan-dry",
                List.of(
                        step(
                                "env",
                                "ensure-environment",
                                List.of(),
                                Map.of("handle", "dry-env"),
                                null,
                                null,
                                null,
                                null,
                                null),
                        step("wait", "timed-wait", List.of("env"), Map.of(), null, null, null, null, null),
                        step(
                                "dns",
                                "verify-dns",
                                List.of(),
                                Map.of("hostname", "shop.example"),
                                null,
                                null,
                                null,
                                null,
                                null),
                        step("mystery", "no-such-type", List.of(), Map.of(), null, null, null, null, null)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().post("/api/plans/plan-dry/versions/1/dry-run")
                        .then()
                        .statusCode(200));
        int migrationEvents = flows.probe().records(Topics.MIGRATIONS).size();
        JsonPath report = given().post("/api/plans/plan-dry/versions/1/dry-run")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .extract()
                .jsonPath();
        assertThat(report.getList("steps.stepId")).containsExactly("env", "wait", "dns", "mystery");
        assertThat(report.getList("steps[0].problems")).isEmpty();
        assertThat(report.getList("steps[1].problems", String.class))
                .singleElement()
                .asString()
                .contains("without a waitSeconds");
        assertThat(report.getList("steps[2].problems", String.class))
                .singleElement()
                .asString()
                .contains("lacks the parameter 'endpoint'");
        assertThat(report.getList("steps[3].problems", String.class))
                .containsExactly("No handler for step type no-such-type");
        assertThat(report.getInt("problemCount")).isEqualTo(3);
        List<String> handles = given().baseUri(aptible)
                .get("/_simulator/state")
                .then()
                .extract()
                .jsonPath()
                .getList("accounts.handles", String.class);
        assertThat(handles).doesNotContain("dry-env");
        assertThat(flows.probe().records(Topics.MIGRATIONS)).hasSize(migrationEvents);
    }

    @Test
    void anUnknownPlanOrAnOldVersionIsAProblem() {
        given().post("/api/plans/no-plan/versions/1/dry-run")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("No plan with id no-plan"));
        new Flows(bootstrap).propose("plan-dry-v", List.of());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().post("/api/plans/plan-dry-v/versions/2/dry-run")
                        .then()
                        .statusCode(409)
                        .contentType("application/problem+json")
                        .body("detail", containsString("is at version 1")));
    }
}

package dev.ferry.executor.rest;

import static dev.ferry.executor.support.Flows.awaitStatus;
import static dev.ferry.executor.support.Flows.step;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.migration.OperationRecorded;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.executor.support.CrashHooks;
import dev.ferry.executor.support.Flows;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The runner stops between an Aptible call and the event of its outcome (a test hook plays the crash
 * right after the operation was recorded); the resumed attempt polls that operation and starts none.
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
class RecordedOperationResumeTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.rest-client.aptible.url")
    String aptible;

    @Test
    void aResumedStepPollsTheOperationItRecordedInsteadOfStartingAnother() {
        Flows flows = new Flows(bootstrap);
        String env = "env-plan-resume-op";
        int restartsBefore = restartOperations();
        String id = flows.run(
                "plan-resume-op",
                List.of(
                        step(
                                "environment",
                                "ensure-environment",
                                List.of(),
                                Map.of("handle", env, "environment", env, "type", "production"),
                                null,
                                null,
                                null,
                                null,
                                null),
                        step(
                                "app",
                                "ensure-app",
                                List.of("environment"),
                                Map.of("handle", "resume-shop", "app", "resume-shop", "environment", env),
                                null,
                                null,
                                null,
                                null,
                                null),
                        step(
                                "restart:crash-hook",
                                "test-restart-app",
                                List.of("app"),
                                Map.of("app", "resume-shop"),
                                null,
                                null,
                                null,
                                null,
                                null)));
        awaitStatus(id, "completed");

        assertThat(CrashHooks.CRASHED).contains(id + "/restart:crash-hook");
        List<CloudEvent> events = flows.events(id);
        List<OperationRecorded> recorded = events.stream()
                .map(CloudEvent::data)
                .filter(OperationRecorded.class::isInstance)
                .map(OperationRecorded.class::cast)
                .filter(r -> r.stepId().equals("restart:crash-hook"))
                .toList();
        assertThat(recorded)
                .singleElement()
                .satisfies(r -> assertThat(r.operationType()).isEqualTo("restart"));
        assertThat(events.stream()
                        .map(CloudEvent::data)
                        .filter(e -> e instanceof StepStarted s && s.stepId().equals("restart:crash-hook"))
                        .map(e -> ((StepStarted) e).attempt()))
                .containsExactly(1, 2);
        StepSucceeded done = events.stream()
                .map(CloudEvent::data)
                .filter(e -> e instanceof StepSucceeded s && s.stepId().equals("restart:crash-hook"))
                .map(StepSucceeded.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(done.outputs()).containsEntry("operationId", recorded.get(0).operationId());
        assertThat(restartOperations() - restartsBefore).isEqualTo(1);
        given().get("/api/migrations/" + id + "/steps/restart:crash-hook")
                .then()
                .statusCode(200)
                .body(
                        "step.operations.restart",
                        org.hamcrest.Matchers.equalTo(recorded.get(0).operationId()));
    }

    private int restartOperations() {
        Map<String, Object> byType = given().baseUri(aptible)
                .get("/_simulator/state")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("operations.by_type");
        Object count = byType == null ? null : byType.get("restart");
        return count == null ? 0 : ((Number) count).intValue();
    }
}

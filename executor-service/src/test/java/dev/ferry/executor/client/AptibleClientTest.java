package dev.ferry.executor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.executor.data.TargetDatabases;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Aptible client against the packaged simulator: look-ups, paging, operations, logs, cancel, retries. */
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
@WithTestResource(dev.ferry.executor.step.HerokuDouble.class)
class AptibleClientTest {
    static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "quarkus.rest-client.aptible.url")
    String aptible;

    @Inject
    AptibleClient client;

    @Inject
    AptibleTargetDatabases targets;

    @AfterEach
    void noFaults() {
        faults(Map.of(
                "fail_operation_types", List.of(), "operation_latency_ms", Map.of(), "server_error_rates", Map.of()));
    }

    private void faults(Map<String, Object> body) {
        RestAssured.given()
                .baseUri(aptible)
                .contentType("application/json")
                .body(body)
                .post("/_simulator/faults")
                .then()
                .statusCode(200);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode environment() {
        return client.createEnvironment(unique("env"), "development", null)
                .await()
                .atMost(WAIT);
    }

    @Test
    void findsByHandleAndWalksEveryPage() {
        JsonNode env = environment();
        String handle = env.path("handle").asText();
        assertThat(client.findEnvironment(handle).await().atMost(WAIT)).isPresent();
        assertThat(client.findEnvironment(unique("absent")).await().atMost(WAIT))
                .isEmpty();
        for (int i = 0; i < 5; i++) {
            client.createApp(AptibleClient.id(env), "app-" + i).await().atMost(WAIT);
        }
        List<JsonNode> apps = client.all(AptibleClient.path(env) + "/apps?per_page=2", "apps")
                .await()
                .atMost(WAIT);
        assertThat(apps)
                .extracting(a -> a.path("handle").asText())
                .containsExactlyInAnyOrder("app-0", "app-1", "app-2", "app-3", "app-4");
        assertThat(client.findApp("app-3", handle).await().atMost(WAIT)).isPresent();
    }

    @Test
    void setsForceZeroDowntimeOnAServiceAndListsItsEndpoints() {
        JsonNode env = environment();
        JsonNode app = client.createApp(AptibleClient.id(env), "shop").await().atMost(WAIT);
        JsonNode deploy = client.startOperation(
                        AptibleClient.path(app),
                        Map.of("type", "deploy", "docker_image", "ghcr.io/acme/shop:1", "procfile", "worker: bin/jobs"))
                .await()
                .atMost(WAIT);
        assertThat(client.awaitOperation(AptibleClient.id(deploy))
                        .await()
                        .atMost(WAIT)
                        .succeeded())
                .isTrue();
        JsonNode worker =
                client.services(AptibleClient.id(app)).await().atMost(WAIT).get(0);
        assertThat(worker.path("force_zero_downtime").asBoolean(true)).isFalse();
        assertThat(client.endpoints(worker).await().atMost(WAIT)).isEmpty();

        JsonNode updated = client.setForceZeroDowntime(AptibleClient.id(worker), true)
                .await()
                .atMost(WAIT);
        assertThat(updated.path("force_zero_downtime").asBoolean()).isTrue();
        assertThat(client.get(AptibleClient.path(worker))
                        .await()
                        .atMost(WAIT)
                        .path("force_zero_downtime")
                        .asBoolean())
                .isTrue();
        assertThatThrownBy(() ->
                        client.setForceZeroDowntime(999_999_999L, true).await().atMost(WAIT))
                .isInstanceOf(AptibleApiException.class)
                .satisfies(e -> assertThat(((AptibleApiException) e).status()).isEqualTo(404));
    }

    @Test
    void operationsArePolledToTheirEndTheirLogsReadAndARunningOneCancelled() {
        JsonNode env = environment();
        JsonNode app = client.createApp(AptibleClient.id(env), "web").await().atMost(WAIT);
        JsonNode op = client.startOperation(
                        AptibleClient.path(app), Map.of("type", "configure", "env", Map.of("A", "1")))
                .await()
                .atMost(WAIT);
        AptibleOperation done =
                client.awaitOperation(AptibleClient.id(op)).await().atMost(WAIT);
        assertThat(done.succeeded()).isTrue();
        assertThat(client.operationLogs(done.id()).await().atMost(WAIT))
                .contains("Starting configure operation with ID: " + done.id());

        faults(Map.of("operation_latency_ms", Map.of("restart", 10_000)));
        JsonNode slow = client.startOperation(AptibleClient.path(app), Map.of("type", "restart"))
                .await()
                .atMost(WAIT);
        assertThat(client.inFlightOperation(AptibleClient.path(app), "restart")
                        .await()
                        .atMost(WAIT))
                .isPresent();
        client.cancelOperation(AptibleClient.id(slow)).await().atMost(WAIT);
        AptibleOperation cancelled =
                client.awaitOperation(AptibleClient.id(slow)).await().atMost(WAIT);
        assertThat(cancelled.status()).isEqualTo("failed");
        assertThat(cancelled.cancelled()).isTrue();

        JsonNode deprovision = client.startOperation(AptibleClient.path(app), Map.of("type", "deprovision"))
                .await()
                .atMost(WAIT);
        AptibleOperation gone =
                client.awaitOperation(AptibleClient.id(deprovision)).await().atMost(WAIT);
        assertThat(gone.succeeded() || gone.gone()).isTrue();
        assertThat(client.find(AptibleClient.path(app)).await().atMost(WAIT)).isEmpty();
    }

    @Test
    void serverErrorsAreRetriedAndPersistentOnesReportedWithTheRequest() {
        String handle = environment().path("handle").asText();
        faults(Map.of("server_error_rates", Map.of("/find", 0.25)));
        for (int i = 0; i < 3; i++) {
            assertThat(client.findEnvironment(handle).await().atMost(WAIT)).isPresent();
        }
        faults(Map.of("server_error_rates", Map.of("/find", 1.0)));
        assertThatThrownBy(() -> client.findEnvironment(handle).await().atMost(WAIT))
                .isInstanceOf(AptibleApiException.class)
                .hasMessageContaining("GET /find/account?handle=" + handle)
                .hasMessageContaining("503 service_unavailable")
                .satisfies(
                        e -> assertThat(((AptibleApiException) e).retryable()).isTrue());
    }

    @Test
    void aTokenAptibleNoLongerAcceptsIsReplacedWithoutFailingTheCall() {
        String handle = environment().path("handle").asText();
        int revoked = RestAssured.given()
                .baseUri(aptible)
                .post("/_simulator/tokens/revoke")
                .then()
                .statusCode(200)
                .extract()
                .path("revoked");
        assertThat(revoked).isPositive();
        assertThat(client.findEnvironment(handle).await().atMost(WAIT)).isPresent();
    }

    @Test
    void refusalsCarryAptiblesMessageAndAreNotRetryable() {
        assertThatThrownBy(() -> client.createEnvironment("Not A Handle", "development", null)
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(AptibleApiException.class)
                .hasMessageContaining("POST /accounts with 422 unprocessable_entity")
                .hasMessageContaining("Handle may only contain")
                .satisfies(
                        e -> assertThat(((AptibleApiException) e).retryable()).isFalse());
    }

    @Test
    void targetDatabasesResolveAHandleToItsConnectionUrl() {
        JsonNode env = environment();
        JsonNode db = client.createDatabase(AptibleClient.id(env), Map.of("handle", unique("pg"), "type", "postgresql"))
                .await()
                .atMost(WAIT);
        String handle = db.path("handle").asText();
        assertThatThrownBy(() -> targets.connectionUrl(TargetDatabases.Target.handle(handle))
                        .await()
                        .atMost(WAIT))
                .hasMessageContaining("pending");
        provision(db);
        assertThat(targets.connectionUrl(TargetDatabases.Target.handle(handle))
                        .await()
                        .atMost(WAIT))
                .startsWith("postgresql://");
        assertThatThrownBy(() -> targets.connectionUrl(TargetDatabases.Target.handle(unique("none")))
                        .await()
                        .atMost(WAIT))
                .hasMessageContaining("no database with the handle");
    }

    @Test
    void aHandleInTwoEnvironmentsIsFoundByTheRecordedIdOrWithinTheNamedEnvironment() {
        String handle = unique("pg");
        JsonNode first = environment();
        JsonNode second = environment();
        JsonNode a = provisioned(first, handle);
        JsonNode b = provisioned(second, handle);
        assertThatThrownBy(() -> targets.connectionUrl(TargetDatabases.Target.handle(handle))
                        .await()
                        .atMost(WAIT))
                .as("by handle alone the database is ambiguous")
                .hasMessageContaining("409");
        String byIdA = targets.connectionUrl(new TargetDatabases.Target(handle, null, AptibleClient.id(a)))
                .await()
                .atMost(WAIT);
        String byIdB = targets.connectionUrl(new TargetDatabases.Target(handle, null, AptibleClient.id(b)))
                .await()
                .atMost(WAIT);
        String byEnvB = targets.connectionUrl(
                        new TargetDatabases.Target(handle, second.path("handle").asText(), null))
                .await()
                .atMost(WAIT);
        assertThat(byIdA).startsWith("postgresql://").isNotEqualTo(byIdB);
        assertThat(byEnvB).isEqualTo(byIdB);
        assertThat(targets.connectionUrl(new TargetDatabases.Target(
                                handle, first.path("handle").asText(), 999_999_999L))
                        .await()
                        .atMost(WAIT))
                .as("an id Aptible no longer knows falls back to the handle in the environment")
                .isEqualTo(byIdA);
    }

    private JsonNode provisioned(JsonNode env, String handle) {
        return provision(client.createDatabase(AptibleClient.id(env), Map.of("handle", handle, "type", "postgresql"))
                .await()
                .atMost(WAIT));
    }

    private JsonNode provision(JsonNode db) {
        JsonNode op = client.startOperation(AptibleClient.path(db), Map.of("type", "provision"))
                .await()
                .atMost(WAIT);
        assertThat(client.awaitOperation(AptibleClient.id(op))
                        .await()
                        .atMost(WAIT)
                        .succeeded())
                .isTrue();
        return db;
    }
}

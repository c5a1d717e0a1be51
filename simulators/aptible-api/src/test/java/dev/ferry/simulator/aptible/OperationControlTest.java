package dev.ferry.simulator.aptible;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cancelling operations, their logs, latency and failures switched per type, and the state summary. */
@QuarkusTest
class OperationControlTest {

    private String token;
    private long accountId;
    private String env;

    @BeforeEach
    void createAccount() {
        token = Api.token();
        env = Api.unique("ctl");
        accountId = Api.createAccount(token, env).getLong("id");
    }

    @AfterEach
    void noFaults() {
        Api.noFaults();
    }

    private long database(String handle) {
        return Api.as(token)
                .body(Map.of("handle", handle, "type", "postgresql"))
                .post("/accounts/" + accountId + "/databases")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void cancellingARunningProvisionFailsItAndRollsTheDatabaseBack() {
        Api.faults(Map.of("operation_latency_ms", Map.of("provision", 5000)));
        long db = database("slow");
        long op = Api.operate(token, "/databases/" + db, Map.of("type", "provision"))
                .getLong("id");
        Api.sleep(400);
        JsonPath cancelled = Api.as(token)
                .body(Map.of("cancelled", true))
                .put("/operations/" + op)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(cancelled.getString("status")).isEqualTo("failed");
        assertThat(cancelled.getBoolean("cancelled")).isTrue();
        assertThat(Api.as(token)
                        .get("/databases/" + db)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("status"))
                .isIn("provision_failed", "pending");
        Api.sleep(200);
        // The timer does not resurrect it.
        assertThat(Api.as(token)
                        .get("/operations/" + op)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("status"))
                .isEqualTo("failed");
        Api.as(token)
                .body(Map.of("cancelled", true))
                .put("/operations/" + op)
                .then()
                .statusCode(422)
                .body("message", containsString("already failed"));
        Api.as(token)
                .body(Map.of("status", "succeeded"))
                .put("/operations/" + op)
                .then()
                .statusCode(422);
    }

    @Test
    void operationLogsAreServedThroughTheUrlTheApiNames() {
        long db = database("logged");
        long op =
                Api.run(token, "/databases/" + db, Map.of("type", "provision")).getLong("id");
        String url = Api.as(token)
                .get("/operations/" + op + "/logs")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(url).endsWith("/_simulator/operation_logs/" + op);
        String log = given().get(url).then().statusCode(200).extract().asString();
        assertThat(log)
                .contains("Queued provision operation " + op)
                .contains("Starting provision operation with ID: " + op)
                .contains("Operation " + op + " (provision) succeeded");
        JsonPath operation =
                Api.as(token).get("/operations/" + op).then().extract().jsonPath();
        assertThat(operation.getString("_links.logs.href")).endsWith("/operations/" + op + "/logs");
    }

    @Test
    void latencyAndFailuresAreSwitchedPerOperationType() {
        Api.faults(Map.of("operation_latency_ms", Map.of("backup", 3000), "fail_operation_types", List.of("restart")));
        long db = database("switched");
        Api.run(token, "/databases/" + db, Map.of("type", "provision"));
        long backup =
                Api.operate(token, "/databases/" + db, Map.of("type", "backup")).getLong("id");
        JsonPath restart = Api.run(token, "/databases/" + db, Map.of("type", "restart"));
        assertThat(restart.getString("status")).isEqualTo("failed");
        assertThat(Api.as(token)
                        .get("/operations/" + backup)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("status"))
                .isIn("queued", "running");
        assertThat(Api.awaitFinished(token, backup).getString("status")).isEqualTo("succeeded");
        given().get("/_simulator/faults")
                .then()
                .statusCode(200)
                .body("operation_latency_ms.backup", org.hamcrest.Matchers.equalTo(3000));
        given().contentType("application/json")
                .body(Map.of("operation_latency_ms", Map.of("backup", -1)))
                .post("/_simulator/faults")
                .then()
                .statusCode(422);
    }

    @Test
    void stateListsEveryKindOfResource() {
        long db = database("counted");
        Api.run(token, "/databases/" + db, Map.of("type", "provision"));
        Api.deployedApp(token, accountId, "counted-app");
        long drain = Api.as(token)
                .body(Map.of(
                        "handle",
                        Api.unique("drain"),
                        "drain_type",
                        "datadog",
                        "url",
                        "https://http-intake.example.com/v1/input/k"))
                .post("/accounts/" + accountId + "/log_drains")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        JsonPath state = given().get("/_simulator/state")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(state.getList("databases.by_account." + env)).containsExactly("counted");
        assertThat(state.getInt("databases.count")).isGreaterThanOrEqualTo(1);
        // One default credential per database, and a TLS one per Redis database.
        Integer redis = state.get("databases.by_type.redis");
        assertThat(state.getInt("database_credentials.count"))
                .isEqualTo(state.getInt("databases.count") + (redis == null ? 0 : redis));
        assertThat(state.getList("apps.by_account." + env)).containsExactly("counted-app");
        assertThat(state.getInt("log_drains.count")).isGreaterThanOrEqualTo(1);
        assertThat(state.getMap("vhosts")).containsKeys("count", "by_status");
        assertThat(state.getMap("certificates")).containsKey("count");
        assertThat(state.getMap("backups")).containsKey("count");
        assertThat(state.getInt("operations.by_type_and_status.provision.succeeded"))
                .isGreaterThanOrEqualTo(1);
        assertThat(drain).isPositive();
    }
}

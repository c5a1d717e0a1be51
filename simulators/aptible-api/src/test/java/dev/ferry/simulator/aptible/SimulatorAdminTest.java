package dev.ferry.simulator.aptible;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks the {@code /_simulator} state summary, reset and server-error switches. */
@QuarkusTest
class SimulatorAdminTest {

    @AfterEach
    void clearFaults() {
        given().contentType("application/json")
                .body(Map.of("server_error_rates", Map.of(), "fail_operation_types", List.of()))
                .post("/_simulator/faults")
                .then()
                .statusCode(200);
    }

    @Test
    void stateCountsResourcesByHandleTypeAndStatus() {
        given().post("/_simulator/reset").then().statusCode(200).body("apps.count", equalTo(0));
        String token = Api.token();
        long accountId = Api.createAccount(token, "acme-staging").getLong("id");
        long appId = Api.createApp(token, accountId, "api").getLong("id");
        Api.awaitFinished(
                token,
                Api.createOperation(token, appId, Map.of("type", "configure", "env", Map.of("K", "v")))
                        .getLong("id"));
        Api.awaitFinished(
                token,
                Api.createOperation(token, appId, Map.of("type", "deploy", "docker_image", "acme/api"))
                        .getLong("id"));

        JsonPath state = given().get("/_simulator/state")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(state.getInt("accounts.count")).isEqualTo(1);
        assertThat(state.getList("accounts.handles")).containsExactly("acme-staging");
        assertThat(state.getInt("apps.count")).isEqualTo(1);
        assertThat(state.getList("apps.handles")).containsExactly("api");
        assertThat(state.getList("apps.by_account.acme-staging")).containsExactly("api");
        assertThat(state.getInt("apps.by_status.provisioned")).isEqualTo(1);
        assertThat(state.getInt("services.count")).isEqualTo(1);
        assertThat(state.getInt("configurations.count")).isEqualTo(1);
        assertThat(state.getInt("operations.count")).isEqualTo(2);
        assertThat(state.getInt("operations.by_type.deploy")).isEqualTo(1);
        assertThat(state.getInt("operations.by_status.succeeded")).isEqualTo(2);
        assertThat(state.getInt("operations.by_type_and_status.configure.succeeded"))
                .isEqualTo(1);

        JsonPath reset = given().post("/_simulator/reset")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(reset.getInt("accounts.count")).isZero();
        assertThat(reset.getInt("operations.count")).isZero();
        Api.as(token).get("/apps/" + appId).then().statusCode(404);
        Api.as(token).get("/accounts").then().statusCode(200).body("total_count", equalTo(0));
    }

    @Test
    void serverErrorRateInjects5xxOnMatchingPathsOnly() {
        String token = Api.token();
        Map<String, Object> rates = given().contentType("application/json")
                .body(Map.of("server_error_rates", Map.of("/apps", 1.0)))
                .post("/_simulator/faults")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("server_error_rates");
        assertThat(rates).containsOnlyKeys("/apps");

        Api.as(token)
                .get("/apps")
                .then()
                .statusCode(503)
                .contentType("application/hal+json")
                .body("code", equalTo(503))
                .body("error", equalTo("service_unavailable"));
        Api.as(token).get("/apps/12345/operations").then().statusCode(503);
        Api.as(token).get("/accounts").then().statusCode(200);
        given().get("/_simulator/state").then().statusCode(200);

        given().contentType("application/json")
                .body(Map.of("server_error_rates", Map.of("/apps", 0.0)))
                .post("/_simulator/faults")
                .then()
                .statusCode(200);
        Api.as(token).get("/apps").then().statusCode(200);
    }

    @Test
    void faultSwitchesAreValidated() {
        given().contentType("application/json")
                .body(Map.of("server_error_rates", Map.of("/apps", 2)))
                .post("/_simulator/faults")
                .then()
                .statusCode(422)
                .body("error", equalTo("unprocessable_entity"));
        given().contentType("application/json")
                .body(Map.of("fail_operation_types", "deploy"))
                .post("/_simulator/faults")
                .then()
                .statusCode(422);
        given().get("/_simulator/faults").then().statusCode(200).body("server_error_status", equalTo(503));
    }
}

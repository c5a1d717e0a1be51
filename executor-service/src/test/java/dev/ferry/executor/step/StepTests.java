package dev.ferry.executor.step;

import static io.restassured.RestAssured.given;

import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.secret.SealedSecret;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Shared helpers of the handler tests: steps, the simulator's admin surface, waiting on Unis. */
final class StepTests {
    static final Duration WAIT = Duration.ofSeconds(60);

    private StepTests() {}

    static PlanStep step(String type, Map<String, String> parameters) {
        return step(type, parameters, Map.of());
    }

    static PlanStep step(String type, Map<String, String> parameters, Map<String, SealedSecret> secrets) {
        return new PlanStep(type + ":" + UUID.randomUUID(), type, type, "test", List.of(), parameters, secrets);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonPath state(String aptible) {
        return given().baseUri(aptible)
                .get("/_simulator/state")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static void faults(String aptible, Map<String, Object> body) {
        given().baseUri(aptible)
                .contentType("application/json")
                .body(body)
                .post("/_simulator/faults")
                .then()
                .statusCode(200);
    }

    static void noFaults(String aptible) {
        faults(
                aptible,
                Map.of(
                        "fail_operation_types",
                        List.of(),
                        "operation_latency_ms",
                        Map.of(),
                        "server_error_rates",
                        Map.of()));
    }

    /** A bearer token for reading the simulator directly. */
    static String token(String aptible) {
        return given().baseUri(aptible)
                .contentType("application/json")
                .body(Map.of(
                        "username", "deploy@acme.example", "password", "ferry-demo-password", "grant_type", "password"))
                .post("/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("access_token");
    }

    static JsonPath get(String aptible, String token, String path) {
        return given().baseUri(aptible)
                .auth()
                .none()
                .header("Authorization", "Bearer " + token)
                .get(path)
                .then()
                .extract()
                .jsonPath();
    }

    static int status(String aptible, String token, String path) {
        return given().baseUri(aptible)
                .auth()
                .none()
                .header("Authorization", "Bearer " + token)
                .get(path)
                .statusCode();
    }
}

package dev.ferry.simulator.aptible;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Small client for the simulator used by the tests: tokens, creates and operation polling. */
final class Api {

    static final String USER = "deploy@acme.example";
    static final String PASSWORD = "ferry-demo-password";

    private Api() {}

    static String token() {
        return given().contentType("application/json")
                .body(Map.of("username", USER, "password", PASSWORD, "grant_type", "password", "scope", "manage"))
                .post("/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("access_token");
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String baseUrl() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    static JsonPath createAccount(String token, String handle) {
        return as(token)
                .body(Map.of("handle", handle, "type", "development"))
                .post("/accounts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static JsonPath createApp(String token, long accountId, String handle) {
        return as(token)
                .body(Map.of("handle", handle))
                .post("/accounts/" + accountId + "/apps")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static JsonPath createOperation(String token, long appId, Map<String, Object> body) {
        return as(token)
                .body(body)
                .post("/apps/" + appId + "/operations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** Polls {@code GET /operations/{id}} until it is succeeded or failed (or gone, after a deprovision). */
    static JsonPath awaitFinished(String token, long operationId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            var response = as(token).get("/operations/" + operationId);
            if (response.statusCode() == 404) {
                // A succeeded deprovision soft-deletes the resource and its operations.
                return JsonPath.from("{\"status\": \"succeeded\", \"gone\": true}");
            }
            JsonPath op = response.then().statusCode(200).extract().jsonPath();
            String status = op.getString("status");
            if ("succeeded".equals(status) || "failed".equals(status)) {
                return op;
            }
            sleep(25);
        }
        throw new AssertionError("operation " + operationId + " did not finish in time");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Starts an operation on any resource ({@code /databases/7}) and returns it. */
    static JsonPath operate(String token, String resourcePath, Map<String, Object> body) {
        return as(token)
                .body(body)
                .post(resourcePath + "/operations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** Starts an operation and waits for it to end; returns the finished operation. */
    static JsonPath run(String token, String resourcePath, Map<String, Object> body) {
        return awaitFinished(token, operate(token, resourcePath, body).getLong("id"));
    }

    static void faults(Map<String, Object> body) {
        given().contentType("application/json")
                .body(body)
                .post("/_simulator/faults")
                .then()
                .statusCode(200);
    }

    static void noFaults() {
        faults(Map.of("fail_operation_types", java.util.List.of(), "operation_latency_ms", Map.of()));
    }

    /** A deployed app with one {@code web} service; returns the app. */
    static JsonPath deployedApp(String token, long accountId, String handle) {
        long appId = createApp(token, accountId, handle).getLong("id");
        JsonPath op = run(
                token,
                "/apps/" + appId,
                Map.of("type", "deploy", "docker_image", "ghcr.io/acme/shop:1", "procfile", "web: bin/web"));
        if (!"succeeded".equals(op.getString("status"))) {
            throw new AssertionError("deploy failed");
        }
        return as(token).get("/apps/" + appId).then().statusCode(200).extract().jsonPath();
    }
}

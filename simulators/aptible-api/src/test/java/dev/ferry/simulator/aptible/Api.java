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

    /** Polls {@code GET /operations/{id}} until it is succeeded or failed. */
    static JsonPath awaitFinished(String token, long operationId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            JsonPath op = as(token)
                    .get("/operations/" + operationId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
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
}

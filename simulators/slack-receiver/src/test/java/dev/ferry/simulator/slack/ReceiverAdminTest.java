package dev.ferry.simulator.slack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks recording order, clearing, and injected 429 and 5xx failures. */
@QuarkusTest
class ReceiverAdminTest {

    private static final String HOOK = "/services/T0/B0/abc";

    @BeforeEach
    void clean() {
        given().delete("/_receiver/messages").then().statusCode(204);
        given().delete("/_receiver/faults").then().statusCode(204);
    }

    @Test
    void recordsMessagesInArrivalOrderWithPayloadAsSent() {
        webhook("{\"text\":\"one\"}").then().statusCode(200);
        given().header("Authorization", "Bearer xoxb-fake-ferry-demo")
                .contentType("application/json")
                .body("{\"channel\":\"#ferry-migrations\",\"text\":\"two\",\"unfurl_links\":false}")
                .post("/api/chat.postMessage")
                .then()
                .body("ok", equalTo(true));
        webhook("{\"text\":\"three\"}").then().statusCode(200);

        JsonPath messages = given().get("/_receiver/messages")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();

        assertThat(messages.getList("sequence", Integer.class)).containsExactly(1, 2, 3);
        assertThat(messages.getList("via", String.class)).containsExactly("webhook", "chat.postMessage", "webhook");
        assertThat(messages.getList("target", String.class)).containsExactly(HOOK, "#ferry-migrations", HOOK);
        assertThat(messages.getList("payload.text", String.class)).containsExactly("one", "two", "three");
        assertThat(messages.getMap("[1].payload"))
                .isEqualTo(Map.of(
                        "channel", "#ferry-migrations",
                        "text", "two",
                        "unfurl_links", false));
        List<Instant> times = messages.getList("receivedAt", String.class).stream()
                .map(Instant::parse)
                .toList();
        assertThat(times).isSorted();

        given().delete("/_receiver/messages").then().statusCode(204);
        assertThat(given().get("/_receiver/messages")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("$"))
                .isEmpty();
        webhook("{\"text\":\"after clear\"}").then().statusCode(200);
        assertThat(given().get("/_receiver/messages")
                        .then()
                        .extract()
                        .jsonPath()
                        .getInt("[0].sequence"))
                .isEqualTo(1);
    }

    @Test
    void injected429sCarryRetryAfterAndRunOutAfterCount() {
        given().contentType("application/json")
                .body("{\"status\":429,\"retryAfterSeconds\":1,\"count\":2}")
                .post("/_receiver/faults")
                .then()
                .statusCode(200)
                .body("count", equalTo(2));

        webhook("{\"text\":\"first\"}")
                .then()
                .statusCode(429)
                .header("Retry-After", "1")
                .body(equalTo("rate_limited"));
        given().header("Authorization", "Bearer xoxb-fake-ferry-demo")
                .contentType("application/json")
                .body("{\"channel\":\"ferry-migrations\",\"text\":\"second\"}")
                .post("/api/chat.postMessage")
                .then()
                .statusCode(429)
                .header("Retry-After", "1")
                .body("ok", equalTo(false))
                .body("error", equalTo("ratelimited"));
        webhook("{\"text\":\"third\"}").then().statusCode(200).body(equalTo("ok"));

        assertThat(given().get("/_receiver/messages")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("payload.text"))
                .containsExactly("third");
    }

    @Test
    void injectedServerErrorHasNoRetryAfterAndAdminIsNotAffected() {
        given().contentType("application/json")
                .body("{\"status\":503,\"count\":1}")
                .post("/_receiver/faults")
                .then()
                .statusCode(200);
        given().get("/_receiver/faults").then().statusCode(200).body("status", equalTo(503));

        var response = webhook("{\"text\":\"x\"}");
        response.then().statusCode(503).body(equalTo("internal_error"));
        assertThat(response.getHeader("Retry-After")).isNull();
        webhook("{\"text\":\"x\"}").then().statusCode(200);
    }

    @Test
    void refusesInvalidFaults() {
        given().contentType("application/json")
                .body("{\"status\":200}")
                .post("/_receiver/faults")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_arguments"));
        given().contentType("application/json")
                .body("{\"status\":429,\"count\":0}")
                .post("/_receiver/faults")
                .then()
                .statusCode(400);
        webhook("{\"text\":\"still fine\"}").then().statusCode(200);
    }

    private static io.restassured.response.Response webhook(String payload) {
        return given().contentType("application/json").body(payload).post(HOOK);
    }
}

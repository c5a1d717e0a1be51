package dev.ferry.simulator.slack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks {@code chat.postMessage}: bot-token auth, channels, payload checks and answers. */
@QuarkusTest
class ChatPostMessageTest {

    private static final String TOKEN = "xoxb-fake-ferry-demo";
    private static final String BLOCKS = "[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"Done\"}}]";

    @BeforeEach
    void clean() {
        given().delete("/_receiver/messages").then().statusCode(204);
        given().delete("/_receiver/faults").then().statusCode(204);
    }

    @Test
    void postsWithBotTokenAndAnswersLikeSlack() {
        JsonPath first = given().header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json; charset=utf-8")
                .body("{\"channel\":\"#ferry-migrations\",\"text\":\"Migration done\","
                        + "\"blocks\":"
                        + BLOCKS
                        + ",\"thread_ts\":\"1700000000.000100\"}")
                .post("/api/chat.postMessage")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();

        assertThat(first.getBoolean("ok")).isTrue();
        assertThat(first.getString("channel")).isEqualTo("C0FERRYMIG1");
        assertThat(first.getString("ts")).matches("\\d{10}\\.\\d{6}");
        assertThat(first.getString("message.text")).isEqualTo("Migration done");
        assertThat(first.getString("message.ts")).isEqualTo(first.getString("ts"));
        assertThat(first.getString("message.bot_id")).isEqualTo("B0FERRYBOT");
        assertThat(first.getString("message.type")).isEqualTo("message");
        assertThat(first.getString("message.thread_ts")).isEqualTo("1700000000.000100");
        assertThat(first.getString("message.blocks[0].type")).isEqualTo("header");

        String second = given().header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json")
                .body("{\"channel\":\"C0FERRYALR1\",\"text\":\"again\"}")
                .post("/api/chat.postMessage")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true))
                .body("channel", equalTo("C0FERRYALR1"))
                .extract()
                .path("ts");
        assertThat(new BigDecimal(second)).isGreaterThan(new BigDecimal(first.getString("ts")));
    }

    @Test
    void refusesMissingAndUnknownTokensWithStatus200() {
        given().contentType("application/json")
                .body("{\"channel\":\"ferry-migrations\",\"text\":\"hi\"}")
                .post("/api/chat.postMessage")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("error", equalTo("not_authed"));
        given().header("Authorization", "Bearer xoxb-someone-else")
                .contentType("application/json")
                .body("{\"channel\":\"ferry-migrations\",\"text\":\"hi\"}")
                .post("/api/chat.postMessage")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("error", equalTo("invalid_auth"));

        assertThat(given().get("/_receiver/messages")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("$"))
                .isEmpty();
    }

    @Test
    void refusesUnknownChannelAndInvalidContent() {
        given().header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json")
                .body("{\"channel\":\"#random\",\"text\":\"hi\"}")
                .post("/api/chat.postMessage")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("error", equalTo("channel_not_found"));
        given().header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json")
                .body("{\"text\":\"no channel\"}")
                .post("/api/chat.postMessage")
                .then()
                .body("error", equalTo("channel_not_found"));
        given().header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json")
                .body("{\"channel\":\"ferry-migrations\",\"blocks\":[{\"type\":\"header\","
                        + "\"text\":{\"type\":\"mrkdwn\",\"text\":\"x\"}}]}")
                .post("/api/chat.postMessage")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("error", equalTo("invalid_blocks"));
        given().header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json")
                .body("{\"channel\":\"ferry-migrations\"}")
                .post("/api/chat.postMessage")
                .then()
                .body("error", equalTo("no_text"));
        given().header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json")
                .body("{\"channel\":")
                .post("/api/chat.postMessage")
                .then()
                .statusCode(200)
                .body("error", equalTo("invalid_json"));
    }

    @Test
    void acceptsFormArgumentsWithTokenInTheBody() {
        given().contentType("application/x-www-form-urlencoded")
                .formParam("token", TOKEN)
                .formParam("channel", "ferry-alerts")
                .formParam("text", "form post")
                .formParam("blocks", BLOCKS)
                .post("/api/chat.postMessage")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true))
                .body("channel", equalTo("C0FERRYALR1"))
                .body("message.blocks[0].type", equalTo("header"));

        JsonPath recorded = given().get("/_receiver/messages").then().extract().jsonPath();
        assertThat(recorded.getString("[0].payload.blocks[0].text.text")).isEqualTo("Done");
        assertThat(recorded.getString("[0].target")).isEqualTo("ferry-alerts");
    }

    @Test
    void otherWebApiMethodsAreUnknown() {
        given().header("Authorization", "Bearer " + TOKEN)
                .post("/api/chat.delete")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("error", equalTo("unknown_method"));
    }
}

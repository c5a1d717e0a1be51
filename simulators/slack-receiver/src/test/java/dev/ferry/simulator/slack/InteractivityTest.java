package dev.ferry.simulator.slack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** chat.update, threads, response_url, the per-channel rate limit and signed interactivity requests. */
@QuarkusTest
class InteractivityTest {
    private static final String TOKEN = "xoxb-fake-ferry-demo";
    private static final String BUTTONS = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"Plan p1\"}},"
            + "{\"type\":\"actions\",\"block_id\":\"plan-decision\",\"elements\":[{\"type\":\"button\","
            + "\"text\":{\"type\":\"plain_text\",\"text\":\"Approve\"},\"action_id\":\"ferry.approve-plan\","
            + "\"value\":\"{\\\"planId\\\":\\\"p1\\\",\\\"version\\\":2}\",\"style\":\"primary\"}]}]";

    @BeforeEach
    @AfterEach
    void clean() {
        given().delete("/_receiver/messages").then().statusCode(204);
        given().contentType("application/json")
                .body(Map.of("perChannelPerSecond", 0))
                .post("/_receiver/rate-limit")
                .then()
                .statusCode(200);
    }

    private JsonPath post(String channel, String extra) {
        return given().header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json")
                .body("{\"channel\":\"" + channel + "\",\"text\":\"hello\",\"blocks\":" + BUTTONS + extra + "}")
                .post("/api/chat.postMessage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void updatesAPostedMessageAndRefusesAnUnknownOne() {
        JsonPath posted = post("#ferry-migrations", "");
        String ts = posted.getString("ts");
        given().header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json")
                .body("{\"channel\":\"C0FERRYMIG1\",\"ts\":\"" + ts + "\",\"text\":\"approved by alice\"}")
                .post("/api/chat.update")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true))
                .body("ts", equalTo(ts))
                .body("text", equalTo("approved by alice"));
        given().header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json")
                .body("{\"channel\":\"C0FERRYMIG1\",\"ts\":\"1.000001\",\"text\":\"x\"}")
                .post("/api/chat.update")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("error", equalTo("message_not_found"));
        JsonPath log = given().get("/_receiver/messages").then().extract().jsonPath();
        assertThat(log.getList("via")).containsExactly("chat.postMessage", "chat.update");
        assertThat(log.getString("[1].ts")).isEqualTo(ts);
        assertThat(log.getString("[1].channel")).isEqualTo("C0FERRYMIG1");
    }

    @Test
    void recordsRepliesInAThread() {
        String parent = post("#ferry-migrations", "").getString("ts");
        JsonPath reply = post("#ferry-migrations", ",\"thread_ts\":\"" + parent + "\"");
        assertThat(reply.getString("message.thread_ts")).isEqualTo(parent);
        JsonPath log = given().get("/_receiver/messages").then().extract().jsonPath();
        assertThat(log.getString("[1].payload.thread_ts")).isEqualTo(parent);
    }

    @Test
    void aChannelOverItsLimitGets429WithRetryAfterAndOthersDoNot() {
        given().contentType("application/json")
                .body(Map.of("perChannelPerSecond", 1))
                .post("/_receiver/rate-limit")
                .then()
                .statusCode(200);
        // Two quick posts to one channel: at least one is refused within the same second, unless the
        // second boundary falls between them, so try a few times.
        int refused = 0;
        for (int i = 0; i < 3 && refused == 0; i++) {
            for (int j = 0; j < 2; j++) {
                var response = given().header("Authorization", "Bearer " + TOKEN)
                        .contentType("application/json")
                        .body("{\"channel\":\"#ferry-alerts\",\"text\":\"x\"}")
                        .post("/api/chat.postMessage");
                if (response.statusCode() == 429) {
                    refused++;
                    assertThat(response.header("Retry-After")).isEqualTo("1");
                    assertThat(response.jsonPath().getString("error")).isEqualTo("ratelimited");
                }
            }
        }
        assertThat(refused).isPositive();
        var webhook =
                given().contentType("application/json").body("{\"text\":\"a\"}").post("/services/T1/B1/limit-test");
        assertThat(webhook.statusCode()).isEqualTo(200);
        int webhookRefusals = 0;
        for (int i = 0; i < 3; i++) {
            var r = given().contentType("application/json")
                    .body("{\"text\":\"b\"}")
                    .post("/services/T1/B1/limit-test");
            if (r.statusCode() == 429) {
                webhookRefusals++;
                assertThat(r.header("Retry-After")).isEqualTo("1");
                assertThat(r.asString()).isEqualTo("rate_limited");
            }
        }
        assertThat(webhookRefusals).isPositive();
        assertThat(given().get("/_receiver/rate-limit").jsonPath().getInt("refused"))
                .isEqualTo(refused + webhookRefusals);
    }

    @Test
    void signsAClickOnARecordedButtonLikeSlackAndTakesTheResponse() throws Exception {
        String ts = post("#ferry-migrations", "").getString("ts");
        JsonPath signed = given().contentType("application/json")
                .body(Map.of(
                        "signingSecret", "fake-secret-1234",
                        "userId", "U0ALICE",
                        "actionId", "ferry.approve-plan",
                        "messageTs", ts))
                .post("/_receiver/interactions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String body = signed.getString("body");
        String timestamp = signed.getString("timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("fake-secret-1234".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "v0="
                + HexFormat.of()
                        .formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(signed.getString("signature")).isEqualTo(expected);
        assertThat(body).startsWith("payload=");
        JsonPath payload = JsonPath.from(URLDecoder.decode(body.substring(8), StandardCharsets.UTF_8));
        assertThat(payload.getString("type")).isEqualTo("block_actions");
        assertThat(payload.getString("user.id")).isEqualTo("U0ALICE");
        assertThat(payload.getString("actions[0].action_id")).isEqualTo("ferry.approve-plan");
        assertThat(payload.getString("actions[0].value")).isEqualTo("{\"planId\":\"p1\",\"version\":2}");
        assertThat(payload.getString("actions[0].block_id")).isEqualTo("plan-decision");
        assertThat(payload.getString("container.message_ts")).isEqualTo(ts);
        assertThat(payload.getString("channel.id")).isEqualTo("C0FERRYMIG1");
        assertThat(payload.getString("message.blocks[0].type")).isEqualTo("section");

        String responsePath = URI.create(signed.getString("responseUrl")).getPath();
        given().contentType("application/json")
                .body("{\"replace_original\":true,\"text\":\"Approved by alice\"}")
                .post(responsePath)
                .then()
                .statusCode(200)
                .body("ok", equalTo(true));
        given().contentType("application/json")
                .body("{\"text\":\"x\"}")
                .post("/_receiver/response/not-issued")
                .then()
                .statusCode(404);
        JsonPath log = given().get("/_receiver/messages").then().extract().jsonPath();
        assertThat(log.getList("via")).containsExactly("chat.postMessage", "response_url");
    }

    @Test
    void aClickOnAMissingButtonIsRefused() {
        post("#ferry-migrations", "");
        given().contentType("application/json")
                .body(Map.of("signingSecret", "s3cr3t-xx", "userId", "U1", "actionId", "nope", "messageSequence", 1))
                .post("/_receiver/interactions")
                .then()
                .statusCode(400)
                .body("error", equalTo("action_not_found"));
    }
}

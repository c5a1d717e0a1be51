package dev.ferry.simulator.slack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks incoming webhooks: every block type accepted, every invalid case refused. */
@QuarkusTest
class WebhookTest {

    private static final String HOOK = "/services/T0FERRY/B0FERRY/s3cr3t";

    @BeforeEach
    void clean() {
        given().delete("/_receiver/messages").then().statusCode(204);
        given().delete("/_receiver/faults").then().statusCode(204);
    }

    static Stream<Arguments> validBlocks() {
        return Stream.of(
                Arguments.of(
                        "section with text",
                        "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*Deployed*\"}}"),
                Arguments.of(
                        "section with fields and button accessory",
                        "{\"type\":\"section\",\"fields\":[{\"type\":\"mrkdwn\",\"text\":\"*App*\"},"
                                + "{\"type\":\"plain_text\",\"text\":\"web\",\"emoji\":true}],"
                                + "\"accessory\":{\"type\":\"button\",\"text\":{\"type\":\"plain_text\","
                                + "\"text\":\"Open\"},\"url\":\"https://example.com\",\"action_id\":\"open\"}}"),
                Arguments.of(
                        "header",
                        "{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"Migration done\"}}"),
                Arguments.of(
                        "context",
                        "{\"type\":\"context\",\"elements\":[{\"type\":\"image\",\"image_url\":"
                                + "\"https://example.com/i.png\",\"alt_text\":\"logo\"},"
                                + "{\"type\":\"mrkdwn\",\"text\":\"by Ferry\"}]}"),
                Arguments.of("divider", "{\"type\":\"divider\"}"),
                Arguments.of(
                        "actions",
                        "{\"type\":\"actions\",\"block_id\":\"acts\",\"elements\":["
                                + "{\"type\":\"button\",\"text\":{\"type\":\"plain_text\",\"text\":\"Approve\"},"
                                + "\"style\":\"primary\",\"action_id\":\"approve\",\"value\":\"plan-1\"},"
                                + "{\"type\":\"static_select\",\"action_id\":\"pick\",\"placeholder\":"
                                + "{\"type\":\"plain_text\",\"text\":\"Pick\"},\"options\":[{\"text\":"
                                + "{\"type\":\"plain_text\",\"text\":\"One\"},\"value\":\"1\"}]}]}"),
                Arguments.of(
                        "image",
                        "{\"type\":\"image\",\"image_url\":\"https://example.com/chart.png\","
                                + "\"alt_text\":\"chart\",\"title\":{\"type\":\"plain_text\",\"text\":\"Chart\"}}"),
                Arguments.of(
                        "rich_text",
                        "{\"type\":\"rich_text\",\"elements\":[{\"type\":\"rich_text_section\","
                                + "\"elements\":[{\"type\":\"text\",\"text\":\"hello\"}]},"
                                + "{\"type\":\"rich_text_list\",\"style\":\"bullet\",\"elements\":[]}]}"),
                Arguments.of(
                        "input",
                        "{\"type\":\"input\",\"label\":{\"type\":\"plain_text\",\"text\":\"Reason\"},"
                                + "\"element\":{\"type\":\"plain_text_input\",\"action_id\":\"reason\"}}"),
                Arguments.of("file", "{\"type\":\"file\",\"external_id\":\"F123\",\"source\":\"remote\"}"),
                Arguments.of(
                        "video",
                        "{\"type\":\"video\",\"alt_text\":\"demo\",\"title\":{\"type\":\"plain_text\","
                                + "\"text\":\"Demo\"},\"thumbnail_url\":\"https://example.com/t.png\","
                                + "\"video_url\":\"https://example.com/v\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validBlocks")
    void acceptsEachBlockType(String name, String block) {
        String payload = "{\"text\":\"fallback\",\"blocks\":[" + block + "]}";

        given().contentType("application/json")
                .body(payload)
                .post(HOOK)
                .then()
                .statusCode(200)
                .contentType("text/plain")
                .body(equalTo("ok"));

        List<String> types = given().get("/_receiver/messages").then().extract().path("payload.blocks[0].type");
        assertThat(types).hasSize(1);
        assertThat(block).contains("\"type\":\"" + types.get(0) + "\"");
    }

    @Test
    void acceptsTextOnlyThreadedAndAttachmentOnlyMessages() {
        given().contentType("application/json")
                .body("{\"text\":\"Cutover started\",\"thread_ts\":\"1503435956.000247\"}")
                .post(HOOK)
                .then()
                .statusCode(200)
                .body(equalTo("ok"));
        given().contentType("application/json")
                .body("{\"attachments\":[{\"fallback\":\"f\",\"color\":\"#36a64f\",\"text\":\"t\"}]}")
                .post(HOOK)
                .then()
                .statusCode(200);
        given().contentType("application/x-www-form-urlencoded")
                .formParam("payload", "{\"text\":\"from a form\"}")
                .post(HOOK)
                .then()
                .statusCode(200);

        List<String> texts = given().get("/_receiver/messages").then().extract().path("payload.text");
        assertThat(texts).containsExactly("Cutover started", null, "from a form");
    }

    static Stream<Arguments> invalidPayloads() {
        String fiftyOne = IntStream.range(0, 51)
                .mapToObj(i -> "{\"type\":\"divider\"}")
                .collect(Collectors.joining(",", "[", "]"));
        String twentySixButtons = IntStream.range(0, 26)
                .mapToObj(i -> "{\"type\":\"button\",\"action_id\":\"a"
                        + i
                        + "\",\"text\":{\"type\":\"plain_text\",\"text\":\"b\"}}")
                .collect(Collectors.joining(",", "[", "]"));
        return Stream.of(
                Arguments.of("not JSON", "{\"text\": ", "invalid_payload"),
                Arguments.of("JSON array", "[{\"text\":\"hi\"}]", "invalid_payload"),
                Arguments.of("text not a string", "{\"text\":42}", "invalid_payload"),
                Arguments.of("empty object", "{}", "no_text"),
                Arguments.of("blank text", "{\"text\":\"  \"}", "no_text"),
                Arguments.of("blocks not an array", "{\"blocks\":{\"type\":\"divider\"}}", "invalid_blocks"),
                Arguments.of("51 blocks", "{\"blocks\":" + fiftyOne + "}", "invalid_blocks"),
                Arguments.of("unknown block type", blocks("{\"type\":\"carousel\"}"), "invalid_blocks"),
                Arguments.of("block without type", blocks("{\"text\":\"x\"}"), "invalid_blocks"),
                Arguments.of("section without text or fields", blocks("{\"type\":\"section\"}"), "invalid_blocks"),
                Arguments.of(
                        "unknown text object type",
                        blocks("{\"type\":\"section\",\"text\":{\"type\":\"markdown\",\"text\":\"x\"}}"),
                        "invalid_blocks"),
                Arguments.of(
                        "section text over 3000",
                        blocks("{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\""
                                + "x".repeat(3001)
                                + "\"}}"),
                        "invalid_blocks"),
                Arguments.of(
                        "empty section text",
                        blocks("{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"\"}}"),
                        "invalid_blocks"),
                Arguments.of(
                        "mrkdwn header",
                        blocks("{\"type\":\"header\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"x\"}}"),
                        "invalid_blocks"),
                Arguments.of(
                        "header over 150",
                        blocks("{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\""
                                + "h".repeat(151)
                                + "\"}}"),
                        "invalid_blocks"),
                Arguments.of(
                        "26 action elements",
                        blocks("{\"type\":\"actions\",\"elements\":" + twentySixButtons + "}"),
                        "invalid_blocks"),
                Arguments.of(
                        "duplicate action_id",
                        blocks(
                                "{\"type\":\"actions\",\"elements\":["
                                        + "{\"type\":\"button\",\"action_id\":\"go\",\"text\":{\"type\":\"plain_text\",\"text\":\"a\"}},"
                                        + "{\"type\":\"button\",\"action_id\":\"go\",\"text\":{\"type\":\"plain_text\",\"text\":\"b\"}}]}"),
                        "invalid_blocks"),
                Arguments.of(
                        "unknown action element",
                        blocks("{\"type\":\"actions\",\"elements\":[{\"type\":\"slider\",\"action_id\":\"s\"}]}"),
                        "invalid_blocks"),
                Arguments.of(
                        "button without text",
                        blocks("{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"action_id\":\"b\"}]}"),
                        "invalid_blocks"),
                Arguments.of(
                        "image without alt_text",
                        blocks("{\"type\":\"image\",\"image_url\":\"https://example.com/i.png\"}"),
                        "invalid_blocks"),
                Arguments.of(
                        "context with eleven elements",
                        blocks("{\"type\":\"context\",\"elements\":"
                                + IntStream.range(0, 11)
                                        .mapToObj(i -> "{\"type\":\"mrkdwn\",\"text\":\"c\"}")
                                        .collect(Collectors.joining(",", "[", "]"))
                                + "}"),
                        "invalid_blocks"),
                Arguments.of(
                        "rich_text with unknown part",
                        blocks(
                                "{\"type\":\"rich_text\",\"elements\":[{\"type\":\"rich_text_table\",\"elements\":[]}]}"),
                        "invalid_blocks"),
                Arguments.of(
                        "input without element",
                        blocks("{\"type\":\"input\",\"label\":{\"type\":\"plain_text\",\"text\":\"L\"}}"),
                        "invalid_blocks"),
                Arguments.of(
                        "file without external_id",
                        blocks("{\"type\":\"file\",\"source\":\"remote\"}"),
                        "invalid_blocks"),
                Arguments.of(
                        "video without video_url",
                        blocks("{\"type\":\"video\",\"alt_text\":\"a\",\"title\":{\"type\":\"plain_text\","
                                + "\"text\":\"t\"},\"thumbnail_url\":\"https://example.com/t.png\"}"),
                        "invalid_blocks"),
                Arguments.of(
                        "repeated block_id",
                        blocks("{\"type\":\"divider\",\"block_id\":\"d\"},{\"type\":\"divider\",\"block_id\":\"d\"}"),
                        "invalid_blocks"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPayloads")
    void refusesInvalidPayloadWithSlacksErrorWord(String name, String payload, String word) {
        given().contentType("application/json")
                .body(payload)
                .post(HOOK)
                .then()
                .statusCode(400)
                .contentType("text/plain")
                .header("X-Slack-Receiver-Detail", not(emptyOrNullString()))
                .body(equalTo(word));

        List<?> recorded = given().get("/_receiver/messages").then().extract().path("$");
        assertThat(recorded).isEmpty();
    }

    private static String blocks(String blocks) {
        return "{\"text\":\"fallback\",\"blocks\":[" + blocks + "]}";
    }
}

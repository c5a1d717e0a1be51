package dev.ferry.inventory;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Starts discoveries over the REST API and waits for them to end, for the integration tests. */
public final class Discoveries {

    private Discoveries() {}

    /** POSTs the body, expects 202 and returns the discovery id. */
    public static String start(String body) {
        return given().contentType("application/json")
                .body(body)
                .post("/api/discoveries")
                .then()
                .statusCode(202)
                .extract()
                .path("discoveryId");
    }

    /** Polls the progress until the discovery completed or failed and the projection has it. */
    public static JsonPath awaitEnd(String id) {
        AtomicReference<JsonPath> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonPath progress = JsonPath.from(
                            given().get("/api/discoveries/" + id + "/progress").asString());
                    last.set(progress);
                    return "projection".equals(progress.getString("source"));
                });
        return last.get();
    }
}

package dev.ferry.notifier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.FerryEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.notification.DeliveryEvent;
import dev.ferry.events.notification.NotificationDelivered;
import dev.ferry.events.notification.NotificationFailed;
import dev.ferry.events.plan.PlanEvent;
import dev.ferry.testkit.EventProbe;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** What the notifier's integration tests do with Kafka and the Slack receiver. */
public final class SlackTestSupport {
    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventProbe probe;
    private final String receiverUrl;

    public SlackTestSupport(String bootstrap, String receiverUrl) {
        this(bootstrap, Map.of(), receiverUrl);
    }

    /** With the settings a client of a secured broker needs (the tests read and append as the super user). */
    public SlackTestSupport(String bootstrap, Map<String, String> clientSettings, String receiverUrl) {
        this.probe = new EventProbe(bootstrap, clientSettings);
        this.receiverUrl = receiverUrl;
    }

    public EventProbe probe() {
        return probe;
    }

    public CloudEvent append(FerryEvent event) {
        return append(EventIds.random(), event);
    }

    public CloudEvent append(String id, FerryEvent event) {
        String source = event instanceof PlanEvent ? "/ferry/planner" : "/ferry/executor";
        return probe.append(id, source, event);
    }

    /** The outcome of delivering a source event to a subscription (null: any subscription). */
    public CloudEvent outcome(String sourceEventId, String subscriptionId) {
        return probe.await(
                Topics.NOTIFICATIONS,
                e -> e.data() instanceof DeliveryEvent
                        && sourceEventId.equals(sourceOf(e))
                        && (subscriptionId == null || subscriptionId.equals(subscriptionOf(e))),
                WAIT);
    }

    public List<CloudEvent> outcomes() {
        return probe.readAll(Topics.NOTIFICATIONS).stream()
                .filter(e -> e.data() instanceof DeliveryEvent)
                .toList();
    }

    public static String sourceOf(CloudEvent e) {
        if (e.data() instanceof NotificationDelivered d) {
            return d.sourceEventId();
        }
        return e.data() instanceof NotificationFailed f ? f.sourceEventId() : null;
    }

    public static String subscriptionOf(CloudEvent e) {
        if (e.data() instanceof NotificationDelivered d) {
            return d.subscriptionId();
        }
        return e.data() instanceof NotificationFailed f ? f.subscriptionId() : null;
    }

    /** Every message the receiver accepted (all ways), in arrival order. */
    public List<JsonNode> received() {
        String body = given().auth()
                .none()
                .baseUri(receiverUrl)
                .get("/_receiver/messages")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            List<JsonNode> all = new ArrayList<>();
            JSON.readTree(body).forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Recorded messages (with via, target, ts...) that match. */
    public List<JsonNode> received(Predicate<JsonNode> match) {
        return received().stream().filter(match).toList();
    }

    public static Predicate<JsonNode> via(String via) {
        return m -> m.path("via").asText().equals(via);
    }

    public static Predicate<JsonNode> mentions(String marker) {
        return m -> m.path("payload").toString().contains(marker);
    }

    public List<JsonNode> awaitReceived(Predicate<JsonNode> match, int count) {
        await().atMost(WAIT).until(() -> received(match).size() >= count);
        return received(match);
    }

    public void armFault(int status, int retryAfterSeconds, int count) {
        given().auth()
                .none()
                .baseUri(receiverUrl)
                .contentType("application/json")
                .body(Map.of("status", status, "retryAfterSeconds", retryAfterSeconds, "count", count))
                .post("/_receiver/faults")
                .then()
                .statusCode(200);
    }

    public void disarm() {
        given().auth()
                .none()
                .baseUri(receiverUrl)
                .delete("/_receiver/faults")
                .then()
                .statusCode(204);
        given().auth()
                .none()
                .baseUri(receiverUrl)
                .contentType("application/json")
                .body(Map.of("perChannelPerSecond", 0))
                .post("/_receiver/rate-limit")
                .then()
                .statusCode(200);
    }

    /**
     * Has the receiver sign a click on a recorded message as Slack would ({@code signingSecret},
     * {@code userId}, {@code actionId}, {@code messageSequence} or {@code messageTs}); the answer
     * holds {@code body}, {@code timestamp} and {@code signature}.
     */
    public JsonPath sign(Map<String, Object> click) {
        return given().auth()
                .none()
                .baseUri(receiverUrl)
                .contentType("application/json")
                .body(click)
                .post("/_receiver/interactions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public String receiverUrl() {
        return receiverUrl;
    }
}

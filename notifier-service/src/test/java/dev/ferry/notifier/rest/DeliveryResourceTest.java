package dev.ferry.notifier.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.common.messaging.EventLog;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventCodec;
import dev.ferry.events.EventIds;
import dev.ferry.events.FerryEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.notification.NotificationDelivered;
import dev.ferry.events.notification.NotificationEvent;
import dev.ferry.events.notification.NotificationFailed;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.secret.SealedSecret;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.notifier.NotifierTestResources;
import dev.ferry.notifier.messaging.PauseOnShutdown;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.LogCapture;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = NotifierTestResources.DATABASE))
@WithTestResource(
        value = SimulatorResource.class,
        initArgs = {
            @ResourceArg(name = "module", value = NotifierTestResources.SLACK_MODULE),
            @ResourceArg(name = "property", value = NotifierTestResources.SLACK_URL_PROPERTY)
        })
@AsUser("admin")
class DeliveryResourceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = NotifierTestResources.SLACK_URL_PROPERTY)
    String receiverUrl;

    @ConfigProperty(name = "notifier.slack.webhook-url")
    String webhookUrl;

    @Inject
    SecretBox secrets;

    @BeforeEach
    void disarmFaults() {
        given().auth()
                .none()
                .baseUri(receiverUrl)
                .delete("/_receiver/faults")
                .then()
                .statusCode(204);
    }

    @Inject
    PauseOnShutdown pauseOnShutdown;

    @Inject
    ChannelRegistry channels;

    @Test
    void atShutdownEveryConsumerStopsTakingRecordsAndWhatItLeftIsHandledLater() throws Exception {
        // every channel fed by a connector (the emitter's channel is fed by the service itself)
        assertThat(channels.getIncomingNames().stream()
                        .filter(name -> !channels.getEmitterNames().contains(name)))
                .containsExactlyInAnyOrderElementsOf(PauseOnShutdown.CHANNELS);
        String migrationId = "mig-" + EventIds.random();
        pauseOnShutdown.onShutdown(null);
        try {
            PauseOnShutdown.CHANNELS.forEach(name ->
                    assertThat(channels.getPausable(name).isPaused()).as(name).isTrue());
            append(new StepSucceeded(
                    migrationId,
                    "app:paused-web",
                    "ensure-app",
                    "Created app paused-web",
                    Map.of(),
                    10,
                    Instant.now()));
            Thread.sleep(3_000); // long enough for an unpaused consumer to have posted it (median 7 ms)
            assertThat(messagesAbout(migrationId)).isEmpty();
        } finally {
            PauseOnShutdown.CHANNELS.forEach(name -> channels.getPausable(name).resume());
        }
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(messagesAbout(migrationId)).hasSize(1));
    }

    @Test
    void aSucceededStepIsAnnouncedOnceRecordedAndListed() {
        String migrationId = "mig-" + EventIds.random();
        CloudEvent source = append(new StepSucceeded(
                migrationId,
                "app:shop-web",
                "ensure-app",
                "Created app shop-web (id 42)",
                Map.of("appId", "42"),
                1234,
                Instant.now()));

        NotificationDelivered delivered = awaitOutcome(source.id(), NotificationDelivered.class);
        // The default subscription keeps the delivery id it had before subscriptions: event and channel.
        String deliveryId = EventIds.derive(source.id(), NotifierTestResources.CHANNEL);
        assertThat(delivered.deliveryId()).isEqualTo(deliveryId);
        assertThat(delivered.channel()).isEqualTo(NotifierTestResources.CHANNEL);
        assertThat(delivered.migrationId()).isEqualTo(migrationId);
        assertThat(delivered.sourceEventType()).isEqualTo("ferry.migration.step-succeeded.v1");
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.subscriptionId()).isEqualTo("default");
        assertThat(delivered.messageTs()).isNull();
        assertThat(delivered.text()).contains("Created app shop-web (id 42)");
        CloudEvent outcome = outcomeEvent(source.id());
        assertThat(outcome.id()).isEqualTo(EventIds.derive(deliveryId, "ferry.notification.delivered.v1"));
        assertThat(outcome.subject()).isEqualTo(deliveryId);

        JsonNode message = awaitOneMessage(migrationId);
        String blocks = message.get("blocks").toString();
        assertThat(message.get("blocks").get(0).get("type").asText()).isEqualTo("header");
        assertThat(message.get("blocks").get(0).get("text").get("text").asText())
                .contains("Step succeeded")
                .contains("app:shop-web");
        assertThat(blocks)
                .contains("*Status*\\nsucceeded", "`app:shop-web`", "`ensure-app`", "1.2 s")
                .contains("Created app shop-web (id 42)")
                .contains("http://127.0.0.1:8083/api/migrations/" + migrationId);
        JsonNode context = message.get("blocks").get(message.get("blocks").size() - 1);
        assertThat(context.get("type").asText()).isEqualTo("context");
        assertThat(context.toString()).contains(migrationId, "/api/migrations/" + migrationId);
        assertThat(message.get("text").asText()).contains("Created app shop-web (id 42)");
        assertThat(message.get("text").asText()).isEqualTo(delivered.text());

        await().atMost(WAIT)
                .untilAsserted(() -> given().queryParam("migrationId", migrationId)
                        .get("/api/deliveries")
                        .then()
                        .statusCode(200)
                        .body("", hasSize(1))
                        .body("[0].deliveryId", equalTo(deliveryId))
                        .body("[0].status", equalTo("delivered"))
                        .body("[0].channel", equalTo(NotifierTestResources.CHANNEL))
                        .body("[0].sourceEventId", equalTo(source.id()))
                        .body("[0].attempts", equalTo(1))
                        .body("[0].text", containsString("Created app shop-web (id 42)")));
        given().get("/api/deliveries/" + deliveryId)
                .then()
                .statusCode(200)
                .body("migrationId", equalTo(migrationId))
                .body("status", equalTo("delivered"));
        assertNoLeaks();
    }

    @Test
    void theSameEventTwiceIsPostedOnce() {
        String migrationId = "mig-" + EventIds.random();
        String id = EventIds.random();
        StepSucceeded step = new StepSucceeded(
                migrationId, "route:shop", "ensure-endpoint", "Created endpoint shop", Map.of(), 800, Instant.now());
        probe().append(id, "/ferry/executor", step);
        probe().append(id, "/ferry/executor", step);
        // Same key, same partition: once the marker is announced, both copies were handled.
        CloudEvent marker = append(new StepSucceeded(
                migrationId, "marker:done", "ensure-app", "Marker step", Map.of(), 10, Instant.now()));
        awaitOutcome(marker.id(), NotificationDelivered.class);
        await().atMost(WAIT).until(() -> messagesAbout(migrationId).size() >= 2);

        List<JsonNode> messages = messagesAbout(migrationId);
        assertThat(messages).hasSize(2);
        assertThat(messages.stream().filter(m -> m.toString().contains("route:shop")))
                .hasSize(1);
        assertThat(outcomes().stream()
                        .filter(e -> e.data() instanceof NotificationDelivered d
                                && d.sourceEventId().equals(id)))
                .hasSize(1);
        await().atMost(WAIT)
                .untilAsserted(() -> given().queryParam("migrationId", migrationId)
                        .get("/api/deliveries")
                        .then()
                        .statusCode(200)
                        .body("", hasSize(2)));
    }

    @Test
    void aFailedStepShowsItsError() {
        String migrationId = "mig-" + EventIds.random();
        CloudEvent source = append(new StepFailed(
                migrationId,
                "db:orders",
                "provision-database",
                2,
                "Aptible refused: handle <orders-db> is already taken",
                5300,
                Instant.now()));

        awaitOutcome(source.id(), NotificationDelivered.class);
        JsonNode message = awaitOneMessage(migrationId);
        assertThat(message.get("blocks").get(0).get("text").get("text").asText())
                .contains("Step failed")
                .contains("db:orders");
        assertThat(message.get("blocks").toString())
                .contains("failed (attempt 2)", "`provision-database`", "5.3 s", "*Error*")
                .contains("Aptible refused: handle &lt;orders-db&gt; is already taken");
        assertThat(message.get("text").asText()).contains("failed", "Aptible refused");
    }

    @Test
    void aProposedPlanSaysItAwaitsApproval() {
        String planId = "plan-" + EventIds.random();
        SealedSecret sealed = secrets.seal("FAKE-db-password-1234");
        CloudEvent source = append(new PlanProposed(
                planId,
                3,
                "disc-1",
                "production",
                "alice",
                List.of(
                        new PlanStep(
                                "app:shop-web",
                                "ensure-app",
                                "Create app shop-web",
                                "It runs on Heroku",
                                List.of(),
                                Map.of("region", "us-east-1"),
                                Map.of()),
                        new PlanStep(
                                "config:shop-web",
                                "set-config",
                                "Copy config of shop-web",
                                "It has config vars",
                                List.of("app:shop-web"),
                                Map.of(),
                                Map.of("DATABASE_PASSWORD", sealed))),
                Instant.now()));

        NotificationDelivered delivered = awaitOutcome(source.id(), NotificationDelivered.class);
        assertThat(delivered.migrationId()).isNull();
        JsonNode message = awaitOneMessage(planId);
        assertThat(message.get("blocks").get(0).get("text").get("text").asText())
                .contains("awaiting approval");
        assertThat(message.get("text").asText()).contains("awaiting approval", planId);
        assertThat(message.toString())
                .contains("*Status*\\nawaiting approval", "Create app shop-web", "Copy config of shop-web")
                .contains("http://127.0.0.1:8082/api/plans/" + planId)
                .doesNotContain(sealed.ciphertext(), sealed.fingerprint(), "FAKE-db-password-1234");
    }

    @Test
    void aStartedStepIsNotAnnounced() {
        String migrationId = "mig-" + EventIds.random();
        append(new StepStarted(migrationId, "app:quiet", "ensure-app", 1, Instant.now()));
        CloudEvent marker = append(
                new StepSucceeded(migrationId, "marker:after", "ensure-app", "Marker", Map.of(), 5, Instant.now()));
        awaitOutcome(marker.id(), NotificationDelivered.class);
        assertThat(awaitOneMessage(migrationId).toString()).contains("marker:after");
    }

    @Test
    void aRateLimitIsWaitedOutAndDelivered() {
        armFault(429, 2, 2);
        String migrationId = "mig-" + EventIds.random();
        CloudEvent source = append(new StepSucceeded(
                migrationId, "app:busy", "ensure-app", "Created app busy", Map.of(), 50, Instant.now()));

        NotificationDelivered delivered = awaitOutcome(source.id(), NotificationDelivered.class);
        assertThat(delivered.attempts()).isEqualTo(3);
        // Two Retry-After waits of 2 s; the backoff alone would have waited 0.3 s.
        assertThat(Duration.between(source.time(), delivered.deliveredAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(3900));
        assertThat(awaitOneMessage(migrationId).toString()).contains("Created app busy");
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/api/deliveries/" + delivered.deliveryId())
                        .then()
                        .statusCode(200)
                        .body("attempts", equalTo(3)));
    }

    @Test
    void aDeliveryStaysInTheTraceAndLogContextOfTheEventThatCausedIt() {
        armFault(503, 0, 5);
        String traceId = EventIds.random().replace("-", "");
        String migrationId = "mig-" + EventIds.random();
        LogCapture logs = LogCapture.install();
        try {
            CloudEvent source = probe().append(
                            EventIds.random(),
                            "/ferry/executor",
                            new StepSucceeded(
                                    migrationId,
                                    "app:traced",
                                    "ensure-app",
                                    "Created app traced",
                                    Map.of(),
                                    50,
                                    Instant.now()),
                            "00-" + traceId + "-00f067aa0ba902b7-01");
            awaitOutcome(source.id(), NotificationFailed.class);
            String outcomeId = EventIds.derive(
                    EventIds.derive(source.id(), NotifierTestResources.CHANNEL), "ferry.notification.failed.v1");
            ConsumerRecord<String, String> outcome = probe().records(Topics.NOTIFICATIONS).stream()
                    .filter(r -> outcomeId.equals(EventCodec.header(r.headers(), "ce_id")))
                    .findFirst()
                    .orElseThrow();
            // executor -> ferry.migrations -> the notifier's consumer -> its channel lane -> ferry.notifications
            assertThat(EventCodec.header(outcome.headers(), EventLog.TRACEPARENT_HEADER))
                    .startsWith("00-" + traceId + "-");
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(logs.lines())
                            .filteredOn(l -> l.message().startsWith("Parked "))
                            .filteredOn(l -> l.message().contains("ferry.migration.step-succeeded.v1"))
                            .filteredOn(l -> migrationId.equals(l.mdc().get("migrationId")))
                            .singleElement()
                            .satisfies(l -> assertThat(l.mdc()).containsEntry("traceId", traceId)));
        } finally {
            logs.uninstall();
        }
    }

    @Test
    void aDeliveryThatKeepsFailingIsParked() {
        armFault(503, 0, 5);
        String migrationId = "mig-" + EventIds.random();
        CloudEvent source = append(new StepSucceeded(
                migrationId, "app:down", "ensure-app", "Created app down", Map.of(), 50, Instant.now()));

        NotificationFailed failed = awaitOutcome(source.id(), NotificationFailed.class);
        assertThat(failed.attempts()).isEqualTo(5);
        assertThat(failed.error()).isEqualTo("Slack answered 503 internal_error");
        assertThat(failed.channel()).isEqualTo(NotifierTestResources.CHANNEL);
        assertThat(messagesAbout(migrationId)).isEmpty();
        await().atMost(WAIT)
                .untilAsserted(() -> given().queryParam("migrationId", migrationId)
                        .get("/api/deliveries")
                        .then()
                        .statusCode(200)
                        .body("", hasSize(1))
                        .body("[0].status", equalTo("parked"))
                        .body("[0].error", equalTo("Slack answered 503 internal_error"))
                        .body("[0].attempts", equalTo(5)));
        assertNoLeaks();
    }

    @Test
    void aRefusalIsNotRetried() {
        armFault(404, 0, 1);
        String migrationId = "mig-" + EventIds.random();
        CloudEvent source = append(new StepSucceeded(
                migrationId, "app:gone", "ensure-app", "Created app gone", Map.of(), 50, Instant.now()));

        NotificationFailed failed = awaitOutcome(source.id(), NotificationFailed.class);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.error()).isEqualTo("Slack answered 404 no_service");
    }

    @Test
    void rebuildingTheProjectionGivesTheSameDeliveries() {
        String migrationId = "mig-" + EventIds.random();
        CloudEvent source = append(new StepSucceeded(
                migrationId, "app:rebuild", "ensure-app", "Created app rebuild", Map.of(), 70, Instant.now()));
        awaitOutcome(source.id(), NotificationDelivered.class);
        int onTheLog =
                (int) outcomes().stream().map(CloudEvent::subject).distinct().count();
        await().atMost(WAIT)
                .untilAsserted(() -> given().get("/api/deliveries").then().body("", hasSize(onTheLog)));
        String before =
                given().get("/api/deliveries").then().statusCode(200).extract().asString();

        given().post("/api/admin/projection/rebuild")
                .then()
                .statusCode(200)
                .body("eventsRead", equalTo(everythingOnTheLog().size()))
                .body("eventsApplied", equalTo(everythingOnTheLog().size()));

        String after =
                given().get("/api/deliveries").then().statusCode(200).extract().asString();
        assertThat(after).isEqualTo(before);
        assertThat(JsonPath.from(after).getList("deliveryId")).hasSize(onTheLog);
    }

    @Test
    void anUnknownDeliveryIsAProblem() {
        given().get("/api/deliveries/no-such-delivery")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("no-such-delivery"));
    }

    private EventProbe probe() {
        return new EventProbe(bootstrap);
    }

    private CloudEvent append(FerryEvent event) {
        String source = event instanceof PlanProposed ? "/ferry/planner" : "/ferry/executor";
        return probe().append(EventIds.random(), source, event);
    }

    private List<CloudEvent> outcomes() {
        return probe().readAll(Topics.NOTIFICATIONS).stream()
                .filter(e -> e.data() instanceof dev.ferry.events.notification.DeliveryEvent)
                .toList();
    }

    private List<CloudEvent> everythingOnTheLog() {
        return probe().readAll(Topics.NOTIFICATIONS);
    }

    private CloudEvent outcomeEvent(String sourceEventId) {
        return probe().await(
                        Topics.NOTIFICATIONS,
                        e -> e.data() instanceof NotificationDelivered d
                                        && d.sourceEventId().equals(sourceEventId)
                                        && "default".equals(d.subscriptionId())
                                || e.data() instanceof NotificationFailed f
                                        && f.sourceEventId().equals(sourceEventId)
                                        && "default".equals(f.subscriptionId()),
                        WAIT);
    }

    private <T extends NotificationEvent> T awaitOutcome(String sourceEventId, Class<T> type) {
        CloudEvent event = outcomeEvent(sourceEventId);
        assertThat(event.data()).isInstanceOf(type);
        return type.cast(event.data());
    }

    /** Payloads the receiver accepted that mention the marker, in arrival order. */
    private List<JsonNode> messagesAbout(String marker) {
        String body = given().auth()
                .none()
                .baseUri(receiverUrl)
                .get("/_receiver/messages")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode recorded : JSON.readTree(body)) {
                // Only what the default subscription's webhook got: other tests add subscriptions.
                if (recorded.get("via").asText().equals("webhook")
                        && recorded.get("target").asText().equals(NotifierTestResources.WEBHOOK_PATH)
                        && recorded.get("payload").toString().contains(marker)) {
                    found.add(recorded.get("payload"));
                }
            }
            return found;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitOneMessage(String marker) {
        await().atMost(WAIT).until(() -> !messagesAbout(marker).isEmpty());
        List<JsonNode> messages = messagesAbout(marker);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private void armFault(int status, int retryAfterSeconds, int count) {
        given().auth()
                .none()
                .baseUri(receiverUrl)
                .contentType("application/json")
                .body(Map.of("status", status, "retryAfterSeconds", retryAfterSeconds, "count", count))
                .post("/_receiver/faults")
                .then()
                .statusCode(200);
    }

    /**
     * The webhook URL is a secret: it is in no message payload (the receiver's own record of the
     * path it was called on aside), no event and no log line.
     */
    private void assertNoLeaks() {
        String received = messagesAbout("").stream().map(JsonNode::toString).collect(Collectors.joining("\n"));
        assertThat(received).doesNotContain(webhookUrl, NotifierTestResources.WEBHOOK_SECRET, receiverUrl);
        String log = probe().records(Topics.NOTIFICATIONS).stream()
                .map(r -> r.value())
                .collect(Collectors.joining("\n"));
        assertThat(log).doesNotContain(webhookUrl, NotifierTestResources.WEBHOOK_SECRET, "/services/");
        try {
            Path file = Path.of("target", "notifier-test.log");
            if (Files.exists(file)) {
                assertThat(Files.readString(file))
                        .doesNotContain(webhookUrl)
                        .doesNotContain(NotifierTestResources.WEBHOOK_SECRET);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

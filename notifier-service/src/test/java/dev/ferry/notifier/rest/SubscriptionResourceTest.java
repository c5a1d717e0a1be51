package dev.ferry.notifier.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.ferry.events.Topics;
import dev.ferry.events.notification.SubscriptionSaved;
import dev.ferry.notifier.NotifierTestResources;
import dev.ferry.notifier.SlackTestSupport;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Subscriptions over REST: created sealed and shown redacted; bad input refused with nothing stored. */
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
class SubscriptionResourceTest {
    private static final String WEBHOOK = "https://hooks.slack.com/services/T0AAA/B0BBB/FAKE-sub-webhook-secret-1";
    private static final String TOKEN = "xoxb-FAKE-subscription-token-42";
    private static final String SIGNING = "FAKE-sub-signing-secret-77";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = NotifierTestResources.SLACK_URL_PROPERTY)
    String receiverUrl;

    private SlackTestSupport slack() {
        return new SlackTestSupport(bootstrap, receiverUrl);
    }

    private static Map<String, Object> webhookBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "platform alerts");
        body.put("webhookUrl", WEBHOOK);
        body.put("channel", "#platform-alerts");
        body.put("environments", List.of("acme-production"));
        body.put("eventKinds", List.of("step-failed", "gate-opened"));
        return body;
    }

    @Test
    void aWebhookSubscriptionIsStoredSealedAndShownRedacted() {
        // Who saved it comes from the token only: a header or a body field naming someone else is ignored.
        Map<String, Object> body = webhookBody();
        body.put("savedBy", "mallory@acme.example");
        Response created = given().contentType("application/json")
                .header("X-Ferry-Identity", "mallory@acme.example")
                .body(body)
                .post("/api/subscriptions");
        created.then()
                .statusCode(201)
                .header("Location", containsString("/api/subscriptions/"))
                .body("target", equalTo("webhook"))
                .body("channel", equalTo("#platform-alerts"))
                .body("environments", equalTo(List.of("acme-production")))
                .body("eventKinds", equalTo(List.of("step-failed", "gate-opened")))
                .body("webhookUrl", startsWith("[redacted fp:"))
                .body("botToken", equalTo(null));
        String id = created.jsonPath().getString("id");
        assertThat(created.asString()).doesNotContain(WEBHOOK, "FAKE-sub-webhook-secret-1");

        await().atMost(SlackTestSupport.WAIT)
                .untilAsserted(() -> given().get("/api/subscriptions/" + id)
                        .then()
                        .statusCode(200)
                        .body("name", equalTo("platform alerts")));
        String listed = given().get("/api/subscriptions")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(listed).contains(id, "\"fromConfig\":true").doesNotContain(WEBHOOK, "FAKE-sub-webhook-secret-1");
        // The default subscription from configuration is listed, redacted too.
        assertThat(listed).doesNotContain(NotifierTestResources.WEBHOOK_SECRET);

        SubscriptionSaved saved = (SubscriptionSaved) slack().probe()
                .await(
                        Topics.NOTIFICATIONS,
                        e -> e.data() instanceof SubscriptionSaved s
                                && s.subscriptionId().equals(id),
                        SlackTestSupport.WAIT)
                .data();
        assertThat(saved.webhookUrl().ciphertext()).doesNotContain("hooks.slack.com");
        assertThat(saved.savedBy()).isEqualTo("admin");
        String log = slack().probe().records(Topics.NOTIFICATIONS).stream()
                .map(r -> r.value())
                .collect(Collectors.joining("\n"));
        assertThat(log).doesNotContain(WEBHOOK, "FAKE-sub-webhook-secret-1", TOKEN, SIGNING);
    }

    @Test
    void aBotSubscriptionCanBeReplacedAndDeleted() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "bot");
        body.put("botToken", TOKEN);
        body.put("channel", "#ferry-alerts");
        body.put("signingSecret", SIGNING);
        body.put("migrationIds", List.of("mig-sub-1"));
        String id = given().contentType("application/json")
                .body(body)
                .post("/api/subscriptions")
                .then()
                .statusCode(201)
                .body("target", equalTo("bot"))
                .body("botToken", startsWith("[redacted fp:"))
                .body("signingSecret", startsWith("[redacted fp:"))
                .body("eventKinds", hasItem("plan-proposed"))
                .body("eventKinds", not(hasItem("step-progress")))
                .extract()
                .path("id");
        await().atMost(SlackTestSupport.WAIT)
                .untilAsserted(
                        () -> given().get("/api/subscriptions/" + id).then().statusCode(200));

        body.put("eventKinds", List.of("migration-completed"));
        body.put("quietKinds", List.of("migration-completed"));
        given().contentType("application/json")
                .body(body)
                .put("/api/subscriptions/" + id)
                .then()
                .statusCode(200)
                .body("eventKinds", equalTo(List.of("migration-completed")))
                .body("quietKinds", equalTo(List.of("migration-completed")));
        await().atMost(SlackTestSupport.WAIT)
                .untilAsserted(() -> given().get("/api/subscriptions/" + id)
                        .then()
                        .body("eventKinds", equalTo(List.of("migration-completed"))));

        given().delete("/api/subscriptions/" + id).then().statusCode(204);
        await().atMost(SlackTestSupport.WAIT)
                .untilAsserted(() -> given().get("/api/subscriptions/" + id)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json"));
    }

    @Test
    void theDefaultSubscriptionIsReadOnly() {
        given().delete("/api/subscriptions/default")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("configuration"));
    }

    @Test
    void badInputIsRefusedAsAProblemAndNothingIsStored() {
        int before = subscriptionEvents();
        List<String> listedBefore =
                given().get("/api/subscriptions").then().extract().path("id");

        Map<String, Object> invalidUrl = webhookBody();
        invalidUrl.put("webhookUrl", "ftp://hooks.slack.com/services/FAKE-not-http");
        refused(invalidUrl, "webhookUrl must be an https URL");
        Map<String, Object> plainHttp = webhookBody();
        plainHttp.put("webhookUrl", "http://hooks.slack.com/services/T/B/FAKE-plain-http");
        refused(plainHttp, "webhookUrl must be an https URL");
        Map<String, Object> notAUrl = webhookBody();
        notAUrl.put("webhookUrl", "::: FAKE-not-a-url :::");
        refused(notAUrl, "webhookUrl");

        Map<String, Object> unknownKind = webhookBody();
        unknownKind.put("eventKinds", List.of("step-failed", "step-exploded"));
        refused(unknownKind, "unknown event kind 'step-exploded'");

        Map<String, Object> both = webhookBody();
        both.put("botToken", TOKEN);
        refused(both, "exactly one target");

        Map<String, Object> botWithoutChannel = new HashMap<>(Map.of("name", "b", "botToken", TOKEN));
        refused(botWithoutChannel, "channel is required");

        Map<String, Object> badToken =
                new HashMap<>(Map.of("name", "b", "botToken", "FAKE-not-a-token", "channel", "#x"));
        refused(badToken, "botToken must be a Slack bot token");

        Map<String, Object> noName = webhookBody();
        noName.remove("name");
        refused(noName, "name is required");

        given().contentType("application/json")
                .body("{\"name\": ")
                .post("/api/subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        given().get("/api/subscriptions/no-such").then().statusCode(404).contentType("application/problem+json");

        assertThat(subscriptionEvents()).isEqualTo(before);
        assertThat((List<String>)
                        given().get("/api/subscriptions").then().extract().path("id"))
                .containsExactlyElementsOf(listedBefore);
    }

    private void refused(Map<String, Object> body, String detail) {
        String answer = given().contentType("application/json")
                .body(body)
                .post("/api/subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString(detail))
                .extract()
                .asString();
        // A refusal never repeats a secret it was given.
        for (Object value : body.values()) {
            if (value instanceof String s && s.contains("FAKE")) {
                assertThat(answer).doesNotContain(s);
            }
        }
    }

    private int subscriptionEvents() {
        return (int) slack().probe().readAll(Topics.NOTIFICATIONS).stream()
                .filter(e -> e.data() instanceof dev.ferry.events.notification.SubscriptionEvent)
                .count();
    }
}

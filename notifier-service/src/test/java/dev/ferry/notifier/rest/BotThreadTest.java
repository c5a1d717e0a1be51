package dev.ferry.notifier.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.FerryEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.notification.NotificationDelivered;
import dev.ferry.notifier.NotifierTestResources;
import dev.ferry.notifier.SampleEvents;
import dev.ferry.notifier.SlackTestSupport;
import dev.ferry.notifier.domain.EventKinds;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bot subscription gets every kind of event through chat.postMessage: each one passes the
 * receiver's Block Kit checks, the first message about a migration is its parent and the rest go
 * into its thread, and no secret appears in any payload, event or log line.
 */
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
class BotThreadTest {
    private static final String SIGNING = "FAKE-thread-signing-secret-5150";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = NotifierTestResources.SLACK_URL_PROPERTY)
    String receiverUrl;

    private SlackTestSupport slack;

    @BeforeEach
    void setUp() {
        slack = new SlackTestSupport(bootstrap, receiverUrl);
        slack.disarm();
    }

    private String subscribe(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "bot " + EventIds.random());
        body.put("botToken", NotifierTestResources.BOT_TOKEN);
        body.put("channel", "#ferry-alerts");
        body.put("signingSecret", SIGNING);
        body.putAll(extra);
        String id = given().contentType("application/json")
                .body(body)
                .post("/api/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(SlackTestSupport.WAIT)
                .untilAsserted(
                        () -> given().get("/api/subscriptions/" + id).then().statusCode(200));
        // Give the notifier's cache time to see it (it is invalidated after the projection commits).
        await().pollDelay(java.time.Duration.ofMillis(300)).until(() -> true);
        return id;
    }

    @Test
    void everyKindIsPostedValidAndThreadedUnderTheMigrationsFirstMessage() throws Exception {
        String migrationId = "mig-" + EventIds.random();
        String planId = "plan-" + EventIds.random();
        String env = "env-" + EventIds.random().substring(0, 8);
        String subscriptionId = subscribe(Map.of("environments", List.of(env), "eventKinds", EventKinds.ALL));

        Map<String, CloudEvent> sent = new LinkedHashMap<>();
        for (Map.Entry<String, FerryEvent> e :
                SampleEvents.all(planId, migrationId).entrySet()) {
            sent.put(e.getKey(), slack.append(retarget(e.getValue(), env)));
        }
        for (Map.Entry<String, CloudEvent> e : sent.entrySet()) {
            CloudEvent outcome = slack.outcome(e.getValue().id(), subscriptionId);
            assertThat(outcome.data()).as(e.getKey()).isInstanceOf(NotificationDelivered.class);
        }
        List<JsonNode> posted = slack.received(m -> m.path("via").asText().equals("chat.postMessage")
                && (m.path("payload").toString().contains(migrationId)
                        || m.path("payload").toString().contains(planId)));
        assertThat(posted).hasSize(EventKinds.ALL.size());

        // Plan messages stand alone; the migration's first message is the parent of the rest.
        List<JsonNode> aboutMigration = posted.stream()
                .filter(m -> m.path("payload").toString().contains(migrationId))
                .toList();
        JsonNode parent = aboutMigration.get(0);
        assertThat(parent.path("payload").has("thread_ts")).isFalse();
        assertThat(parent.path("payload").path("blocks").get(0).toString()).contains("Migration started");
        String parentTs = parent.path("ts").asText();
        for (JsonNode reply : aboutMigration.subList(1, aboutMigration.size())) {
            assertThat(reply.path("payload").path("thread_ts").asText()).isEqualTo(parentTs);
            assertThat(reply.path("channel").asText()).isEqualTo("C0FERRYALR1");
        }
        JsonNode failed = aboutMigration.stream()
                .filter(m -> m.path("payload").path("blocks").get(0).toString().contains("Step failed"))
                .findFirst()
                .orElseThrow();
        assertThat(failed.path("payload").path("reply_broadcast").asBoolean()).isTrue();

        await().atMost(SlackTestSupport.WAIT)
                .untilAsserted(() -> given().queryParam("subscriptionId", subscriptionId)
                        .queryParam("migrationId", migrationId)
                        .get("/api/deliveries")
                        .then()
                        .statusCode(200)
                        .body("", hasSize(aboutMigration.size()))
                        .body("findAll { it.threadTs == null }", hasSize(1))
                        .body("findAll { it.threadTs == '" + parentTs + "' }", hasSize(aboutMigration.size() - 1)));
        assertNoSecretAnywhere();
    }

    @Test
    void filtersKeepOtherEnvironmentsAndKindsOut() {
        String env = "env-" + EventIds.random().substring(0, 8);
        String subscriptionId =
                subscribe(Map.of("environments", List.of(env), "eventKinds", List.of("step-succeeded")));
        String mine = "mig-" + EventIds.random();
        String other = "mig-" + EventIds.random();
        slack.append(new dev.ferry.events.migration.MigrationStarted(
                mine, "p-" + mine, 1, env, List.of(), java.time.Instant.now()));
        slack.append(new dev.ferry.events.migration.MigrationStarted(
                other, "p-" + other, 1, "elsewhere", List.of(), java.time.Instant.now()));
        CloudEvent wanted = slack.append(new dev.ferry.events.migration.StepSucceeded(
                mine, "app:a", "ensure-app", "Created a", Map.of(), 5, java.time.Instant.now()));
        slack.append(new dev.ferry.events.migration.StepSucceeded(
                other, "app:b", "ensure-app", "Created b", Map.of(), 5, java.time.Instant.now()));
        slack.outcome(wanted.id(), subscriptionId);
        // The default subscription announces all four; this one only the step of its environment.
        slack.awaitReceived(SlackTestSupport.mentions(other), 2);
        List<JsonNode> mineOnBot = slack.received(m -> m.path("via").asText().equals("chat.postMessage")
                && m.path("payload").toString().contains(mine));
        assertThat(mineOnBot).hasSize(1);
        assertThat(mineOnBot.get(0).path("payload").toString()).contains("Created a");
        assertThat(slack.received(m -> m.path("via").asText().equals("chat.postMessage")
                        && m.path("payload").toString().contains(other)))
                .isEmpty();
    }

    /** Puts plan and migration samples in the test's own environment, so only this subscription matches. */
    private static FerryEvent retarget(FerryEvent event, String env) {
        if (event instanceof dev.ferry.events.plan.PlanProposed p) {
            return new dev.ferry.events.plan.PlanProposed(
                    p.planId(),
                    p.version(),
                    p.discoveryId(),
                    env,
                    p.requestedBy(),
                    p.steps(),
                    p.proposedAt(),
                    p.production(),
                    p.planHash(),
                    p.supersedesVersion(),
                    p.fidelity());
        } else if (event instanceof dev.ferry.events.migration.MigrationStarted m) {
            return new dev.ferry.events.migration.MigrationStarted(
                    m.migrationId(), m.planId(), m.planVersion(), env, m.stepIds(), m.startedAt());
        }
        return event;
    }

    /** The secret scan: no webhook URL, bot token or signing secret in any payload, event or log line. */
    private void assertNoSecretAnywhere() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(
                NotifierTestResources.WEBHOOK_SECRET,
                NotifierTestResources.BOT_TOKEN,
                NotifierTestResources.SIGNING_SECRET,
                SIGNING));
        String payloads =
                slack.received().stream().map(m -> m.path("payload").toString()).collect(Collectors.joining("\n"));
        String events = slack.probe().records(Topics.NOTIFICATIONS).stream()
                .map(r -> r.value())
                .collect(Collectors.joining("\n"));
        String deliveries = given().get("/api/deliveries").then().extract().asString();
        String subscriptions =
                given().get("/api/subscriptions").then().extract().asString();
        Path logFile = Path.of("target", "notifier-test.log");
        String log = Files.exists(logFile) ? Files.readString(logFile) : "";
        for (String secret : secrets) {
            assertThat(payloads).as("payloads").doesNotContain(secret);
            assertThat(events).as("events").doesNotContain(secret);
            assertThat(deliveries).as("deliveries").doesNotContain(secret);
            assertThat(subscriptions).as("subscriptions").doesNotContain(secret);
            assertThat(log).as("log").doesNotContain(secret);
        }
        given().get("/api/deliveries/queue").then().statusCode(200).body("queued", equalTo(null));
    }
}

package dev.ferry.notifier.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.Topics;
import dev.ferry.events.command.ApproveGate;
import dev.ferry.events.command.ApprovePlan;
import dev.ferry.events.command.RetryStep;
import dev.ferry.events.migration.GateOpened;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.notifier.NotifierTestResources;
import dev.ferry.notifier.SlackTestSupport;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Buttons in Slack: a signed click by a known approver appends the command and updates the message;
 * forged, stale and replayed requests and people without the role are refused with nothing appended.
 */
abstract class SlackInteractionContract {
    private static final String SUB_SIGNING = "FAKE-bot-app-signing-secret-9";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = NotifierTestResources.SLACK_URL_PROPERTY)
    String receiverUrl;

    private SlackTestSupport slack;

    /** Settings a test client needs besides the bootstrap servers: none on a plain broker. */
    Map<String, String> kafkaClientSettings() {
        return Map.of();
    }

    @BeforeEach
    void setUp() {
        slack = new SlackTestSupport(bootstrap, kafkaClientSettings(), receiverUrl);
        slack.disarm();
        map("U0ALICE", "alice@acme.example", List.of("approver"));
        map("U0OPS", "olga@acme.example", List.of("operator"));
        map("U0VIEW", "victor@acme.example", List.of("viewer"));
        await().atMost(SlackTestSupport.WAIT)
                .untilAsserted(() -> assertThat(
                                given().get("/api/slack/users").then().extract().asString())
                        .contains("U0ALICE", "U0OPS", "U0VIEW", "U0CONFAPPR"));
    }

    private static void map(String id, String identity, List<String> roles) {
        given().contentType("application/json")
                .body(Map.of("identity", identity, "roles", roles))
                .put("/api/slack/users/" + id)
                .then()
                .statusCode(200)
                .body("identity", equalTo(identity));
    }

    /** Appends a plan proposal and returns the default webhook's message about it. */
    private JsonNode proposal(String planId) {
        slack.append(new PlanProposed(
                planId,
                2,
                "disc-1",
                "acme-staging",
                "bob",
                List.of(new PlanStep("app:web", "ensure-app", "Create app web", "why", List.of(), Map.of(), Map.of())),
                Instant.now()));
        return slack.awaitReceived(
                        m -> m.path("via").asText().equals("webhook")
                                && m.path("payload").toString().contains(planId),
                        1)
                .get(0);
    }

    private JsonPath sign(Map<String, Object> click) {
        return slack.sign(click);
    }

    private static Map<String, Object> click(String secret, String user, String action, JsonNode message) {
        Map<String, Object> click = new HashMap<>();
        click.put("signingSecret", secret);
        click.put("userId", user);
        click.put("actionId", action);
        click.put("messageSequence", message.path("sequence").asLong());
        return click;
    }

    /** Sends a signed request as Slack does: no bearer token, the signature is the authentication. */
    private static io.restassured.response.Response send(JsonPath signed) {
        return given().auth()
                .none()
                .contentType("application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", signed.getString("timestamp"))
                .header("X-Slack-Signature", signed.getString("signature"))
                .body(signed.getString("body"))
                .post("/api/slack/interactions");
    }

    private List<CloudEvent> commandsAbout(String id) {
        return slack.probe().readAll(Topics.COMMANDS).stream()
                .filter(e -> e.subject().equals(id))
                .toList();
    }

    @Test
    void anApproverApprovesAPlanFromSlackOnceAndTheMessageShowsWho() {
        String planId = "plan-" + EventIds.random();
        JsonNode message = proposal(planId);
        JsonPath signed = sign(click(NotifierTestResources.SIGNING_SECRET, "U0ALICE", "ferry.approve-plan", message));

        JsonPath answer = send(signed)
                .then()
                .statusCode(200)
                .body("command", equalTo("ApprovePlan"))
                .body("actor", equalTo("alice@acme.example"))
                .extract()
                .jsonPath();
        CloudEvent command =
                slack.probe().await(Topics.COMMANDS, e -> e.subject().equals(planId), SlackTestSupport.WAIT);
        assertThat(command.id()).isEqualTo(answer.getString("commandId"));
        ApprovePlan approve = (ApprovePlan) command.data();
        assertThat(approve.version()).isEqualTo(2);
        assertThat(approve.requestedBy()).isEqualTo("alice@acme.example");
        assertThat(approve.via()).isEqualTo("slack");

        // The clicked message is replaced through its response_url: no buttons, and who acted.
        JsonNode update = slack.awaitReceived(
                        m -> m.path("via").asText().equals("response_url")
                                && m.path("payload").toString().contains(planId),
                        1)
                .get(0)
                .path("payload");
        assertThat(update.path("replace_original").asBoolean()).isTrue();
        assertThat(update.toString()).contains("Approval requested by alice@acme.example", "<@U0ALICE>");
        for (JsonNode block : update.path("blocks")) {
            assertThat(block.path("type").asText()).isNotEqualTo("actions");
        }

        // The same request again is a replay: refused, and still one command.
        send(signed)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("replay"));
        assertThat(commandsAbout(planId)).hasSize(1);
    }

    @Test
    void aWrongSecretAStaleTimestampAndMissingHeadersAreRefusedWithNothingAppended() {
        String planId = "plan-" + EventIds.random();
        JsonNode message = proposal(planId);

        send(sign(click("FAKE-wrong-signing-secret", "U0ALICE", "ferry.approve-plan", message)))
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("does not match"));

        Map<String, Object> stale =
                click(NotifierTestResources.SIGNING_SECRET, "U0ALICE", "ferry.approve-plan", message);
        stale.put("timestamp", Instant.now().getEpochSecond() - 6 * 60);
        send(sign(stale))
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("more than 5 minutes"));

        JsonPath good = sign(click(NotifierTestResources.SIGNING_SECRET, "U0ALICE", "ferry.approve-plan", message));
        given().auth()
                .none()
                .contentType("application/x-www-form-urlencoded")
                .body(good.getString("body"))
                .post("/api/slack/interactions")
                .then()
                .statusCode(401)
                .body("detail", containsString("X-Slack-Signature"));
        // A body changed after signing does not match either.
        given().auth()
                .none()
                .contentType("application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", good.getString("timestamp"))
                .header("X-Slack-Signature", good.getString("signature"))
                .body(good.getString("body").replace("U0ALICE", "U0ALICF"))
                .post("/api/slack/interactions")
                .then()
                .statusCode(401);

        await().pollDelay(java.time.Duration.ofSeconds(1)).until(() -> true);
        assertThat(commandsAbout(planId)).isEmpty();
    }

    @Test
    void someoneWithoutTheRoleOrUnknownIsRefusedClearlyAndNothingIsAppended() {
        String planId = "plan-" + EventIds.random();
        JsonNode message = proposal(planId);

        send(sign(click(NotifierTestResources.SIGNING_SECRET, "U0VIEW", "ferry.approve-plan", message)))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("victor@acme.example"))
                .body("detail", containsString("needs the approver role to approve plans"));
        // An operator may retry steps, not decide plans.
        send(sign(click(NotifierTestResources.SIGNING_SECRET, "U0OPS", "ferry.reject-plan", message)))
                .then()
                .statusCode(403)
                .body("detail", containsString("needs the approver role to reject plans"));
        send(sign(click(NotifierTestResources.SIGNING_SECRET, "U0NOBODY", "ferry.approve-plan", message)))
                .then()
                .statusCode(403)
                .body("detail", containsString("Slack user U0NOBODY is not known to Ferry"))
                .body("detail", containsString("PUT /api/slack/users/U0NOBODY"));

        // The person is told in Slack too, only them (ephemeral), and the message keeps its buttons.
        List<JsonNode> told = slack.awaitReceived(
                m -> m.path("via").asText().equals("response_url")
                        && m.path("payload").path("text").asText().contains("U0NOBODY"),
                1);
        assertThat(told.get(0).path("payload").path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(told.get(0).path("payload").path("replace_original").asBoolean())
                .isFalse();

        await().pollDelay(java.time.Duration.ofSeconds(1)).until(() -> true);
        assertThat(commandsAbout(planId)).isEmpty();
    }

    @Test
    void onlyAnApproverApprovesAGateFromSlackAsOverRest() {
        String migrationId = "mig-" + EventIds.random();
        slack.append(new GateOpened(
                migrationId, "dns-switch:web", "dns-switch", "Point www at the Aptible endpoint", Instant.now()));
        JsonNode message = slack.awaitReceived(
                        m -> m.path("via").asText().equals("webhook")
                                && m.path("payload").toString().contains(migrationId),
                        1)
                .get(0);

        send(sign(click(NotifierTestResources.SIGNING_SECRET, "U0OPS", "ferry.approve-gate", message)))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("olga@acme.example"))
                .body("detail", containsString("needs the approver role to approve gates"));
        await().pollDelay(java.time.Duration.ofSeconds(1)).until(() -> true);
        assertThat(commandsAbout(migrationId)).isEmpty();

        send(sign(click(NotifierTestResources.SIGNING_SECRET, "U0ALICE", "ferry.approve-gate", message)))
                .then()
                .statusCode(200)
                .body("command", equalTo("ApproveGate"))
                .body("actor", equalTo("alice@acme.example"));
        CloudEvent command =
                slack.probe().await(Topics.COMMANDS, e -> e.subject().equals(migrationId), SlackTestSupport.WAIT);
        ApproveGate approve = (ApproveGate) command.data();
        assertThat(approve.stepId()).isEqualTo("dns-switch:web");
        assertThat(approve.requestedBy()).isEqualTo("alice@acme.example");
        assertThat(approve.via()).isEqualTo("slack");
        assertThat(commandsAbout(migrationId)).hasSize(1);
    }

    @Test
    void anOperatorRetriesAFailedStepPostedByTheBotAndTheMessageIsUpdatedInPlace() {
        String migrationId = "mig-" + EventIds.random();
        Map<String, Object> sub = new HashMap<>();
        sub.put("name", "ops bot");
        sub.put("botToken", NotifierTestResources.BOT_TOKEN);
        sub.put("channel", "#ferry-migrations");
        sub.put("signingSecret", SUB_SIGNING);
        sub.put("migrationIds", List.of(migrationId));
        String subscriptionId = given().contentType("application/json")
                .body(sub)
                .post("/api/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(SlackTestSupport.WAIT)
                .untilAsserted(() -> given().get("/api/subscriptions/" + subscriptionId)
                        .then()
                        .statusCode(200));
        await().pollDelay(java.time.Duration.ofMillis(300)).until(() -> true);

        CloudEvent failed = slack.append(new StepFailed(
                migrationId, "db:orders", "provision-database", 3, "Aptible answered 503", 900, Instant.now()));
        slack.outcome(failed.id(), subscriptionId);
        JsonNode posted = slack.awaitReceived(
                        m -> m.path("via").asText().equals("chat.postMessage")
                                && m.path("payload").toString().contains(migrationId),
                        1)
                .get(0);
        String ts = posted.path("ts").asText();
        // The delivery history knows the message's ts, which chat.update needs.
        await().atMost(SlackTestSupport.WAIT)
                .untilAsserted(() -> given().queryParam("subscriptionId", subscriptionId)
                        .get("/api/deliveries")
                        .then()
                        .body("[0].messageTs", equalTo(ts)));

        Map<String, Object> click = new HashMap<>();
        click.put("signingSecret", SUB_SIGNING);
        click.put("userId", "U0OPS");
        click.put("actionId", "ferry.retry-step");
        click.put("messageTs", ts);
        send(sign(click)).then().statusCode(200).body("command", equalTo("RetryStep"));

        RetryStep retry = (RetryStep) slack.probe()
                .await(Topics.COMMANDS, e -> e.subject().equals(migrationId), SlackTestSupport.WAIT)
                .data();
        assertThat(retry.stepId()).isEqualTo("db:orders");
        assertThat(retry.requestedBy()).isEqualTo("olga@acme.example");
        JsonNode update = slack.awaitReceived(
                        m -> m.path("via").asText().equals("chat.update")
                                && m.path("ts").asText().equals(ts),
                        1)
                .get(0);
        assertThat(update.path("channel").asText()).isEqualTo("C0FERRYMIG1");
        assertThat(update.path("payload").toString()).contains("Retry requested by olga@acme.example");
    }
}

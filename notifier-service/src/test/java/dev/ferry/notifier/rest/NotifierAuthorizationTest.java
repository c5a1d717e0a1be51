package dev.ferry.notifier.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.common.security.Roles;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.Topics;
import dev.ferry.events.command.ApprovePlan;
import dev.ferry.events.notification.SlackUserMapped;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.notifier.NotifierTestResources;
import dev.ferry.notifier.SlackTestSupport;
import dev.ferry.notifier.domain.Actions;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.AuthorizationMatrix;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import dev.ferry.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every notifier endpoint answers only the roles it names (and 401 without a valid token of the
 * trusted issuer); Slack's interactivity callback needs Slack's signature instead of a token; no
 * bearer token reaches a log line, an event, a Slack payload or an API answer.
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
class NotifierAuthorizationTest {
    private static final String INTERACTIONS = "/api/slack/interactions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = NotifierTestResources.SLACK_URL_PROPERTY)
    String receiverUrl;

    private SlackTestSupport slack() {
        return new SlackTestSupport(bootstrap, receiverUrl);
    }

    /** A subscription that matches no event (its migration never runs), so the matrix posts nothing. */
    private String quietSubscription(String name) {
        return "{\"name\":\"" + name + "\",\"webhookUrl\":\"" + receiverUrl
                + "/services/T0AUTHZ/B0AUTHZ/authz-matrix\",\"migrationIds\":[\"mig-authz-never-runs\"]}";
    }

    private String createQuietSubscription() {
        String id = given().contentType("application/json")
                .body(quietSubscription("authz target"))
                .post("/api/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(SlackTestSupport.WAIT)
                .untilAsserted(
                        () -> given().get("/api/subscriptions/" + id).then().statusCode(200));
        return id;
    }

    @Test
    void everyEndpointLetsInOnlyTheRolesItNames() throws Exception {
        String subscriptionId = createQuietSubscription();
        String mapping = "{\"identity\":\"matrix@acme.example\",\"roles\":[\"viewer\"]}";
        Map<String, String> templates = new LinkedHashMap<>();
        AuthorizationMatrix matrix = new AuthorizationMatrix();
        // Subscriptions hold webhook URLs and bot tokens: administrators only, reads included.
        add(matrix, templates, "GET", "/api/subscriptions", "/api/subscriptions", null, Roles.ADMIN);
        add(matrix, templates, "GET", "/api/subscriptions/{id}", "/api/subscriptions/default", null, Roles.ADMIN);
        add(
                matrix,
                templates,
                "POST",
                "/api/subscriptions",
                "/api/subscriptions",
                quietSubscription("authz matrix"),
                Roles.ADMIN);
        add(
                matrix,
                templates,
                "PUT",
                "/api/subscriptions/{id}",
                "/api/subscriptions/" + subscriptionId,
                quietSubscription("authz target, replaced"),
                Roles.ADMIN);
        add(
                matrix,
                templates,
                "DELETE",
                "/api/subscriptions/{id}",
                "/api/subscriptions/" + subscriptionId,
                null,
                Roles.ADMIN);
        // Who may approve from Slack: administrators only.
        add(matrix, templates, "GET", "/api/slack/users", "/api/slack/users", null, Roles.ADMIN);
        add(
                matrix,
                templates,
                "PUT",
                "/api/slack/users/{slackUserId}",
                "/api/slack/users/U0MATRIX",
                mapping,
                Roles.ADMIN);
        add(
                matrix,
                templates,
                "DELETE",
                "/api/slack/users/{slackUserId}",
                "/api/slack/users/U0MATRIX",
                null,
                Roles.ADMIN);
        // The delivery history is a read.
        add(matrix, templates, "GET", "/api/deliveries", "/api/deliveries", null, Roles.VIEWER);
        add(matrix, templates, "GET", "/api/deliveries/queue", "/api/deliveries/queue", null, Roles.VIEWER);
        add(matrix, templates, "GET", "/api/deliveries/lanes", "/api/deliveries/lanes", null, Roles.VIEWER);
        add(matrix, templates, "GET", "/api/deliveries/{id}", "/api/deliveries/no-such-delivery", null, Roles.VIEWER);
        add(
                matrix,
                templates,
                "POST",
                "/api/admin/projection/rebuild",
                "/api/admin/projection/rebuild",
                null,
                Roles.ADMIN);

        // The matrix holds every endpoint the service documents, apart from Slack's signed callback.
        Set<String> documented = documentedEndpoints();
        assertThat(documented).contains("POST " + INTERACTIONS);
        documented.remove("POST " + INTERACTIONS);
        assertThat(new TreeSet<>(templates.values())).isEqualTo(documented);

        List<String> violations = matrix.violations();
        System.out.printf(
                "Notifier authorization matrix: %d endpoints, %d calls, %d violations%n",
                templates.size(), matrix.calls(), violations.size());
        assertThat(violations).isEmpty();
        assertThat(matrix.calls()).isEqualTo(templates.size() * (3 + AuthorizationMatrix.USERS.size()));
    }

    private static void add(
            AuthorizationMatrix matrix,
            Map<String, String> templates,
            String method,
            String template,
            String path,
            String body,
            String... roles) {
        matrix.endpoint(method, path, body, roles);
        templates.put(method + " " + path, method + " " + template);
    }

    /** Method and path template of every operation in the OpenAPI document. */
    private static Set<String> documentedEndpoints() throws Exception {
        String document = given().auth()
                .none()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Set<String> endpoints = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths =
                JSON.readTree(document).path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    endpoints.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        return endpoints;
    }

    @Test
    void slacksCallbackIsAuthenticatedBySlacksSignatureNotByABearerToken() {
        SlackTestSupport slack = slack();
        slack.disarm();
        mapApprover("U0AUTHZ", "ada@acme.example");
        String planId = "plan-" + EventIds.random();
        JsonNode message = proposal(slack, planId);

        // Slack sends no bearer token: a correct signature is enough.
        JsonPath signed = slack.sign(click(NotifierTestResources.SIGNING_SECRET, "U0AUTHZ", message));
        interaction(signed, null)
                .then()
                .statusCode(200)
                .body("command", equalTo("ApprovePlan"))
                .body("actor", equalTo("ada@acme.example"));

        // A wrong signature is refused, and a bearer token (even an administrator's) does not stand in for it.
        JsonPath forged = slack.sign(click("FAKE-wrong-signing-secret", "U0AUTHZ", message));
        for (String token : new String[] {null, Tokens.of("admin"), Tokens.of("everyone")}) {
            interaction(forged, token)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", containsString("does not match"));
        }
        given().auth()
                .oauth2(Tokens.of("everyone"))
                .contentType("application/x-www-form-urlencoded")
                .body(signed.getString("body"))
                .post(INTERACTIONS)
                .then()
                .statusCode(401)
                .body("detail", containsString("X-Slack-Signature"));

        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        List<CloudEvent> commands = slack.probe().readAll(Topics.COMMANDS).stream()
                .filter(e -> e.subject().equals(planId))
                .toList();
        assertThat(commands).hasSize(1);
        assertThat(((ApprovePlan) commands.get(0).data()).requestedBy()).isEqualTo("ada@acme.example");
    }

    @Test
    void noBearerTokenReachesALogLineAnEventASlackPayloadOrAnAnswer() throws Exception {
        SlackTestSupport slack = slack();
        slack.disarm();
        String canary = "ferry-bearer-canary-" + EventIds.random();
        List<String> tokens = new ArrayList<>(List.of(canary, Tokens.expired("admin")));
        for (String user : List.of("viewer", "operator", "approver", "admin", "everyone", "nobody")) {
            tokens.add(Tokens.of(user));
        }
        mapApprover("U0TOKEN", "tom@acme.example");
        String planId = "plan-" + EventIds.random();
        JsonNode message = proposal(slack, planId);

        List<String> answers = new ArrayList<>();
        for (String token : tokens) {
            answers.add(given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(quietSubscription("token scan"))
                    .post("/api/subscriptions")
                    .asString());
            answers.add(given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body("{\"identity\":\"scan@acme.example\",\"roles\":[\"viewer\"]}")
                    .put("/api/slack/users/U0SCAN")
                    .asString());
            answers.add(given().auth().oauth2(token).get("/api/deliveries").asString());
            answers.add(given().auth().oauth2(token).get("/api/subscriptions").asString());
            answers.add(given().auth().oauth2(token).get("/api/slack/users").asString());
            answers.add(interaction(slack.sign(click(NotifierTestResources.SIGNING_SECRET, "U0TOKEN", message)), token)
                    .asString());
        }
        // Valid clicks carrying someone's token act as the mapped Slack user, never as the token's holder.
        String commandId = slack.probe()
                .await(Topics.COMMANDS, e -> e.subject().equals(planId), SlackTestSupport.WAIT)
                .id();
        assertThat(slack.probe().readAll(Topics.COMMANDS).stream()
                        .filter(e -> e.subject().equals(planId))
                        .map(e -> ((ApprovePlan) e.data()).requestedBy()))
                .containsOnly("tom@acme.example");
        slack.awaitReceived(
                m -> m.path("via").asText().equals("response_url")
                        && m.path("payload").toString().contains(planId),
                1);

        Path logFile = Path.of("target", "notifier-test.log");
        // The log was written while this test ran: the accepted click is in it.
        await().atMost(SlackTestSupport.WAIT)
                .until(() -> Files.exists(logFile) && Files.readString(logFile).contains(commandId));
        String log = Files.readString(logFile);
        String received = slack.received().stream().map(JsonNode::toString).collect(Collectors.joining("\n"));
        String events = Stream.of(Topics.PLANS, Topics.MIGRATIONS, Topics.COMMANDS, Topics.NOTIFICATIONS)
                .flatMap(topic -> slack.probe().records(topic).stream())
                .map(r -> r.value())
                .collect(Collectors.joining("\n"));
        String apiAnswers = String.join("\n", answers);
        assertThat(received).contains(planId);
        assertThat(events).contains("\"requestedBy\":\"tom@acme.example\"");
        for (String token : tokens) {
            // The whole token, and its signature alone (the part that makes it usable).
            String signature = token.substring(token.lastIndexOf('.') + 1);
            for (String needle : List.of(token, signature)) {
                assertThat(log).as("log").doesNotContain(needle);
                assertThat(received).as("Slack payloads").doesNotContain(needle);
                assertThat(events).as("events").doesNotContain(needle);
                assertThat(apiAnswers).as("API answers").doesNotContain(needle);
            }
        }
    }

    private void mapApprover(String slackUserId, String identity) {
        given().contentType("application/json")
                .body(Map.of("identity", identity, "roles", List.of("approver")))
                .put("/api/slack/users/" + slackUserId)
                .then()
                .statusCode(200);
        // Who mapped them comes from the token (this class runs as admin).
        SlackUserMapped mapped = (SlackUserMapped) slack().probe()
                .await(
                        Topics.NOTIFICATIONS,
                        e -> e.data() instanceof SlackUserMapped m
                                && m.slackUserId().equals(slackUserId)
                                && m.identity().equals(identity),
                        SlackTestSupport.WAIT)
                .data();
        assertThat(mapped.mappedBy()).isEqualTo("admin");
        await().atMost(SlackTestSupport.WAIT)
                .untilAsserted(() ->
                        assertThat(given().get("/api/slack/users").asString()).contains(slackUserId));
    }

    private static JsonNode proposal(SlackTestSupport slack, String planId) {
        slack.append(new PlanProposed(
                planId,
                1,
                "disc-authz",
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

    private static Map<String, Object> click(String secret, String slackUserId, JsonNode message) {
        Map<String, Object> click = new HashMap<>();
        click.put("signingSecret", secret);
        click.put("userId", slackUserId);
        click.put("actionId", Actions.APPROVE_PLAN);
        click.put("messageSequence", message.path("sequence").asLong());
        return click;
    }

    /** Posts a signed interactivity request, with a bearer token when one is given. */
    private static Response interaction(JsonPath signed, String token) {
        var request = token == null ? given().auth().none() : given().auth().oauth2(token);
        return request.contentType("application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", signed.getString("timestamp"))
                .header("X-Slack-Signature", signed.getString("signature"))
                .body(signed.getString("body"))
                .post(INTERACTIONS);
    }
}

package dev.ferry.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.events.EventIds;
import dev.ferry.oidc.OidcIssuer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver against a scripted fake of the four services and the Slack receiver and a real OIDC
 * issuer, inside the test JVM: checks what it sends (and as whom), how it waits, what it prints and
 * what it returns.
 */
class DemoDriverTest {
    private static final String PLAN = "p-1";
    private static final String MIGRATION = EventIds.derive("migration", PLAN, "1");

    private HttpServer server;
    private OidcIssuer issuer;
    /** Per call ({@code METHOD path}), the user names of the bearer tokens it carried ("-" for none). */
    private final Map<String, Set<String>> callers = new ConcurrentHashMap<>();

    private final Map<String, String> posted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile String discoveryStatus = "completed";
    private volatile int approvalStatus = 200;
    private volatile boolean approved;
    private volatile boolean rejectFirstToken;
    private final Set<String> seenTokens = ConcurrentHashMap.newKeySet();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void startFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        issuer = OidcIssuer.start(
                0,
                "ferry-api",
                List.of(
                        new OidcIssuer.User("alice", "alice-pw", Set.of("viewer", "operator")),
                        new OidcIssuer.User("bob", "bob-pw", Set.of("viewer", "approver"))));
    }

    @AfterEach
    void stopFake() {
        server.stop(0);
        issuer.close();
    }

    @Test
    void runsTheWholeFlowAndReportsIt() {
        DemoDriver driver = driver(Duration.ofSeconds(10));
        DemoResult result = driver.run();

        assertThat(posted.get("/api/discoveries")).isEqualTo("{\"apps\":[\"acme-shop\"],\"requestedBy\":\"alice\"}");
        // Each call as the person who would make it; the simulator's Slack log gets no token.
        assertThat(callers.get("POST /api/discoveries")).containsExactly("alice");
        assertThat(callers.get("GET /api/plans")).containsExactly("alice");
        assertThat(callers.get("GET /api/migrations/" + MIGRATION)).containsExactly("alice");
        assertThat(callers.get("POST /api/plans/p-1/approval")).containsExactly("bob");
        assertThat(callers.get("GET /_receiver/messages")).containsExactly("-");
        // The two tokens were fetched once each (they live an hour) and never printed or recorded.
        assertThat(driver.bearerTokens()).hasSize(2);
        assertThat(posted.get("/api/plans/p-1/approval"))
                .startsWith("{\"approvedBy\":\"bob\",\"version\":1,\"comment\":");
        assertThat(result.discoveryId()).isEqualTo("d-1");
        assertThat(result.planId()).isEqualTo(PLAN);
        assertThat(result.environment()).isEqualTo("acme-production");
        assertThat(result.migrationId()).isEqualTo(MIGRATION);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.planSteps())
                .extracting(PlannedStep::id)
                .containsExactly("environment:acme-production", "app:acme-shop", "configure:acme-shop");
        assertThat(result.steps()).extracting(StepResult::status).containsOnly("succeeded");
        assertThat(result.slackMessages()).isEqualTo(5);
        assertThat(result.milestones())
                .extracting(DemoResult.Milestone::name)
                .containsExactly(
                        "discovery completed",
                        "plan proposed",
                        "plan approved",
                        "migration completed",
                        "last Slack message");
        assertThat(result.wallTime()).isPositive().isLessThan(Duration.ofSeconds(30));

        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .contains("1/5 Discovering acme-shop on Heroku (requested by alice)")
                .contains("why: Config vars carry over")
                .contains("sealed inputs (values never shown): SECRET_KEY_BASE")
                .doesNotContain("sha256:")
                .contains("running   app:acme-shop (ensure-app), attempt 1")
                .contains("succeeded configure:acme-shop (configure-app) in 40 ms: Set 3 variables")
                .contains("5 Slack messages mention the migration")
                .contains("signing in at " + issuer.issuer() + " as alice (requester) and bob (approver)");
        for (String token : driver.bearerTokens()) {
            assertThat(out).doesNotContain(token);
            assertThat(driver.transcript())
                    .noneSatisfy(e -> assertThat(e.body()).contains(token));
        }
        // Each change is printed once, however often the same state is polled.
        assertThat(out.lines().filter(l -> l.contains("succeeded environment:acme-production")))
                .hasSize(1);
        // The transcript keeps each distinct answer once, however often it was polled.
        int migrationLooks = calls.get("GET /api/migrations/" + MIGRATION).get();
        assertThat(migrationLooks).isGreaterThanOrEqualTo(7);
        assertThat(driver.transcript())
                .filteredOn(e -> e.uri().getPath().equals("/api/migrations/" + MIGRATION))
                .hasSize(migrationLooks);
        assertThat(driver.transcript())
                .filteredOn(e -> e.uri().getPath().equals("/api/plans/p-1"))
                .singleElement()
                .satisfies(e -> assertThat(e.body()).contains("sha256:0f0f"));
    }

    @Test
    void aWaitThatNeverEndsSaysWhatItWaitedForAndWhatItSaw() {
        discoveryStatus = "running";
        DemoDriver driver = driver(Duration.ofMillis(600));
        assertThatThrownBy(driver::run)
                .isInstanceOf(DemoException.class)
                .hasMessageStartingWith("Timed out after 600 ms waiting for discovery d-1 to complete")
                .hasMessageEndingWith("last saw: status running");
        // Polled many times, but the transcript keeps the 404 and the running answer once each.
        assertThat(calls.get("GET /api/discoveries/d-1").get()).isGreaterThan(5);
        assertThat(driver.transcript())
                .extracting(HttpApi.Exchange::method, HttpApi.Exchange::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("POST", 202),
                        org.assertj.core.groups.Tuple.tuple("GET", 404),
                        org.assertj.core.groups.Tuple.tuple("GET", 200));
    }

    @Test
    void aFailedDiscoveryStopsTheFlowWithItsReason() {
        discoveryStatus = "failed";
        assertThatThrownBy(() -> driver(Duration.ofSeconds(5)).run())
                .isInstanceOf(DemoException.class)
                .hasMessage("Discovery d-1 failed: Heroku answered 404 for acme-shop");
    }

    @Test
    void aRefusedApprovalShowsThePlannersAnswer() {
        approvalStatus = 409;
        assertThatThrownBy(() -> driver(Duration.ofSeconds(5)).run())
                .isInstanceOf(DemoException.class)
                .hasMessageContaining("The planner refused the approval: HTTP 409")
                .hasMessageContaining("another person must approve it");
    }

    @Test
    void aWrongPasswordStopsTheDemoBeforeAnyCallAndIsNotShown() {
        DemoAuth auth = new DemoAuth(
                URI.create(issuer.issuer()),
                "ferry-api",
                new DemoAuth.Login("alice", "not-alices-password"),
                new DemoAuth.Login("bob", "bob-pw"));
        DemoDriver driver = new DemoDriver(targets(), options(Duration.ofSeconds(2)), auth, new PrintStream(printed));
        assertThatThrownBy(driver::run)
                .isInstanceOf(DemoException.class)
                .hasMessageContaining("refused a token for alice: HTTP 401 invalid_grant")
                .hasMessageNotContaining("not-alices-password");
        assertThat(calls).isEmpty();
    }

    @Test
    void aServiceThatRefusesATokenGetsAFreshOneOnce() {
        rejectFirstToken = true;
        DemoDriver driver = driver(Duration.ofSeconds(10));
        assertThat(driver.run().succeeded()).isTrue();
        // alice's first token was refused once, then a new one was fetched and used.
        assertThat(driver.bearerTokens()).hasSize(3);
        assertThat(calls.get("POST /api/discoveries").get()).isEqualTo(2);
    }

    @Test
    void aServiceThatIsDownIsReportedAsNoAnswer() {
        DemoTargets down = new DemoTargets(
                URI.create("http://127.0.0.1:1"),
                targets().planner(),
                targets().executor(),
                targets().notifier(),
                targets().heroku(),
                targets().aptible(),
                targets().slack());
        assertThatThrownBy(() ->
                        new DemoDriver(down, options(Duration.ofSeconds(2)), auth(), new PrintStream(printed)).run())
                .isInstanceOf(DemoException.class)
                .hasMessageContaining("POST http://127.0.0.1:1/api/discoveries failed");
    }

    private DemoDriver driver(Duration wait) {
        return new DemoDriver(targets(), options(wait), auth(), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private static DemoOptions options(Duration wait) {
        return new DemoOptions(List.of("acme-shop"), wait, Duration.ofMillis(20));
    }

    private DemoAuth auth() {
        return new DemoAuth(
                URI.create(issuer.issuer()),
                "ferry-api",
                new DemoAuth.Login("alice", "alice-pw"),
                new DemoAuth.Login("bob", "bob-pw"));
    }

    /** The {@code preferred_username} of the request's bearer token, or "-" without one. */
    private static String caller(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return "-";
        }
        String payload = new String(
                Base64.getUrlDecoder()
                        .decode(header.substring("Bearer ".length()).split("\\.")[1]),
                StandardCharsets.UTF_8);
        return FlowJson.parse(payload).path("preferred_username").asText();
    }

    private DemoTargets targets() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new DemoTargets(base, base, base, base, base, base, base);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        int n = calls.computeIfAbsent(method + " " + path, k -> new AtomicInteger())
                .incrementAndGet();
        callers.computeIfAbsent(method + " " + path, k -> ConcurrentHashMap.newKeySet())
                .add(caller(exchange));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (rejectFirstToken && !path.startsWith("/_receiver") && seenTokens.isEmpty()) {
            seenTokens.add(authorization);
            reply(exchange, 401, "");
            return;
        }
        if (method.equals("POST")) {
            posted.put(path, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        }
        switch (method + " " + path) {
            case "POST /api/discoveries" ->
                reply(exchange, 202, "{\"discoveryId\":\"d-1\",\"status\":\"started\",\"apps\":1}");
            case "GET /api/discoveries/d-1" -> {
                if (n == 1) {
                    reply(exchange, 404, "{\"title\":\"No discovery with id d-1\"}");
                } else {
                    reply(
                            exchange,
                            200,
                            "{\"discovery\":{\"id\":\"d-1\",\"status\":\"" + (n < 3 ? "running" : discoveryStatus)
                                    + "\",\"failureReason\":\"Heroku answered 404 for acme-shop\"},\"apps\":[{\"name\":\"acme-shop\"}]}");
                }
            }
            case "GET /api/plans" -> reply(exchange, 200, n < 2 ? "[]" : "[" + planSummary() + "]");
            case "GET /api/plans/p-1" ->
                reply(
                        exchange,
                        200,
                        "{\"plan\":" + planSummary() + ",\"steps\":["
                                + "{\"id\":\"environment:acme-production\",\"type\":\"ensure-environment\",\"title\":\"Create the environment\","
                                + "\"reason\":\"Production apps get a production environment.\",\"dependsOn\":[],\"parameters\":{},\"secrets\":{}},"
                                + "{\"id\":\"app:acme-shop\",\"type\":\"ensure-app\",\"title\":\"Create the app\",\"reason\":\"Each app.\","
                                + "\"dependsOn\":[\"environment:acme-production\"],\"parameters\":{},\"secrets\":{}},"
                                + "{\"id\":\"configure:acme-shop\",\"type\":\"configure-app\",\"title\":\"Configure\","
                                + "\"reason\":\"Config vars carry over.\",\"dependsOn\":[\"app:acme-shop\"],\"parameters\":{},"
                                + "\"secrets\":{\"SECRET_KEY_BASE\":\"sha256:0f0f\"}}]}");
            case "POST /api/plans/p-1/approval" -> {
                approved = approvalStatus == 200;
                reply(
                        exchange,
                        approvalStatus,
                        approvalStatus == 200
                                ? "{\"planId\":\"p-1\",\"version\":1,\"status\":\"approved\",\"eventId\":\"e\"}"
                                : "{\"title\":\"Plan p-1 targets production; another person must approve it\"}");
            }
            case "GET /api/migrations" -> reply(exchange, 200, "[]");
            case "GET /_receiver/messages" -> reply(exchange, 200, slackMessages());
            default -> {
                if (path.equals("/api/migrations/" + MIGRATION) && approved) {
                    reply(
                            exchange,
                            200,
                            migration(calls.get(method + " " + path).get()));
                } else {
                    reply(exchange, 404, "{\"title\":\"Not found\"}");
                }
            }
        }
    }

    private static String planSummary() {
        return "{\"id\":\"p-1\",\"version\":1,\"discoveryId\":\"d-1\",\"environment\":\"acme-production\","
                + "\"status\":\"proposed\",\"requestedBy\":\"alice\"}";
    }

    /** Moves one step forward every second look. */
    private static String migration(int look) {
        String[] ids = {"environment:acme-production", "app:acme-shop", "configure:acme-shop"};
        String[] types = {"ensure-environment", "ensure-app", "configure-app"};
        String[] summaries = {"Created environment", "Created app", "Set 3 variables"};
        int progress = look; // 1: first running, 2: first done, ...
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String status = progress > 2 * i + 1 ? "succeeded" : progress == 2 * i + 1 ? "running" : "pending";
            steps.add("{\"stepId\":\"" + ids[i] + "\",\"stepType\":\"" + types[i] + "\",\"status\":\"" + status
                    + "\",\"attempts\":" + (status.equals("pending") ? 0 : 1) + ",\"summary\":"
                    + (status.equals("succeeded") ? "\"" + summaries[i] + "\"" : "null")
                    + ",\"error\":null,\"durationMs\":" + (status.equals("succeeded") ? 40 : "null") + "}");
        }
        String status = progress > 6 ? "completed" : "running";
        return "{\"migration\":{\"id\":\"" + MIGRATION + "\",\"planId\":\"p-1\",\"planVersion\":1,\"status\":\""
                + status + "\"},\"steps\":[" + String.join(",", steps) + "]}";
    }

    private String slackMessages() {
        List<String> messages = new ArrayList<>();
        messages.add(message(1, "Plan p-1 awaits approval"));
        if (approved) {
            for (int i = 0; i < 4; i++) {
                messages.add(message(i + 2, "Event " + i + " of migration " + MIGRATION));
            }
            // The driver waits for the message that the migration ended, as the notifier words it.
            messages.add(message(6, ":tada: Migration completed: all 3 steps of migration " + MIGRATION));
        }
        return "[" + String.join(",", messages) + "]";
    }

    private static String message(int sequence, String text) {
        return "{\"sequence\":" + sequence + ",\"receivedAt\":\"" + Instant.now() + "\",\"via\":\"webhook\","
                + "\"payload\":{\"text\":\"" + text + "\"}}";
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

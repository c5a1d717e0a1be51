package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.demo.DemoAuth;
import dev.ferry.demo.DemoDriver;
import dev.ferry.demo.DemoOptions;
import dev.ferry.demo.DemoResult;
import dev.ferry.demo.DemoTargets;
import dev.ferry.demo.FlowJson;
import dev.ferry.demo.HttpApi;
import dev.ferry.demo.OidcTokens;
import dev.ferry.demo.PlannedStep;
import dev.ferry.demo.StepResult;
import dev.ferry.demo.Summary;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.migration.GateApproved;
import dev.ferry.events.migration.GateOpened;
import dev.ferry.events.migration.MigrationCompleted;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.oidc.OidcIssuer;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.LocalKafka;
import dev.ferry.testkit.LocalPostgres;
import dev.ferry.testkit.LocalRedis;
import dev.ferry.testkit.QuarkusApp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole of Ferry on one machine: a real Kafka broker and PostgreSQL server, an OIDC issuer, the
 * three simulators and the four services from their packaged jars, each in its own process, each
 * service accepting only bearer tokens from that issuer. Kafka is secured as in production: mutual
 * TLS only, topics created beforehand, and each service presents its own certificate and may do only
 * what its KafkaUser in k8s/overlays/production/kafka-users.yaml allows. The flow runs once (as
 * {@code bin/demo} runs it, as two people with their own tokens); each test then checks one outcome.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlowEndToEndTest {
    /** Secret values seeded in the Heroku simulator's demo estate. */
    static final List<String> SEEDED_SECRETS = List.of(
            "FAKE-db-password-1234",
            "FAKE-secret-key-base-7f3a9c",
            "FAKE-sendgrid-key-0001",
            "FAKE-redis-pass",
            "FAKE-admin-secret-key-base-2b81d0");

    /** The executor's evidence signing key for this run (base64 PKCS#8), searched for like the others. */
    static final String EVIDENCE_KEY = evidenceKey();

    static final String HEROKU_TOKEN = "HRKU-00000000-0000-4000-8000-000000000001";
    static final String APTIBLE_USER = "deploy@acme.example";
    static final String APTIBLE_PASSWORD = "ferry-demo-password";
    static final String WEBHOOK_PATH = "/services/T000/B000/XXXX";

    /** The people of the flow: alice requests and follows, bob approves, vera only reads. */
    static final String REQUESTER = "alice";

    static final String APPROVER = "bob";
    static final String READER = "vera";
    /** A path on each service that only signed-in callers may read. */
    static final Map<String, String> GUARDED_READS = Map.of(
            "inventory-service", "/api/discoveries",
            "planner-service", "/api/plans",
            "executor-service", "/api/migrations",
            "notifier-service", "/api/deliveries");

    static final Map<String, String> SIMULATORS = ordered(
            "heroku-api", "simulators/heroku-api",
            "aptible-api", "simulators/aptible-api",
            "slack-receiver", "simulators/slack-receiver");
    static final Map<String, String> SERVICES = ordered(
            "inventory-service", "inventory-service",
            "planner-service", "planner-service",
            "executor-service", "executor-service",
            "notifier-service", "notifier-service");
    static final Map<String, String> DATABASES = Map.of(
            "inventory-service", "ferry_inventory",
            "planner-service", "ferry_planner",
            "executor-service", "ferry_executor",
            "notifier-service", "ferry_notifier");

    /** Production's KafkaUsers and their ACLs, which the broker enforces for each service. */
    static final Path KAFKA_USERS = Path.of("..", "k8s", "overlays", "production", "kafka-users.yaml");

    static final Path WORK = Path.of("target", "e2e").toAbsolutePath();
    static final Path LOGS = WORK.resolve("logs");

    /** Tokens the tests sent and the services refused; searched for like the others. */
    static final List<String> REFUSED_TOKENS = Collections.synchronizedList(new ArrayList<>());
    /** What the scan looks for (value to the name a finding shows, never the value itself). */
    static final Map<String, String> SECRETS = new LinkedHashMap<>();

    static LocalKafka kafka;
    static LocalPostgres postgres;
    static LocalRedis redis;
    static final Map<String, QuarkusApp> APPS = Collections.synchronizedMap(new LinkedHashMap<>());
    static DemoTargets targets;
    static DemoDriver driver;
    static DemoResult result;
    static final HttpApi API = new HttpApi(Duration.ofSeconds(3), Duration.ofSeconds(15));
    static OidcIssuer issuer;
    static OidcTokens testTokens;
    /** {@link #API} as vera, a viewer: the tests' reads of the services. */
    static HttpApi reader;

    /** The KafkaUser (and client certificate) of a service: inventory-service is ferry-inventory. */
    static String kafkaUser(String service) {
        return "ferry-" + service.replace("-service", "");
    }

    @BeforeAll
    static void runTheFlow() throws Exception {
        Map<String, Path> jars = packagedJars();
        Runtime.getRuntime().addShutdownHook(new Thread(FlowEndToEndTest::killLeftovers, "e2e-leftovers"));
        Files.createDirectories(LOGS);

        long t0 = System.nanoTime();
        kafka = LocalKafka.startTls(
                WORK.resolve("kafka"),
                true,
                SERVICES.keySet().stream().map(FlowEndToEndTest::kafkaUser).toList());
        kafka.createTopics();
        SERVICES.keySet().forEach(service -> kafka.grant(KAFKA_USERS, kafkaUser(service), kafkaUser(service)));
        postgres = LocalPostgres.start(WORK.resolve("postgres"));
        DATABASES.values().forEach(postgres::createDatabase);
        redis = LocalRedis.start(WORK.resolve("redis"));
        System.out.printf(
                "e2e: Kafka %s and PostgreSQL :%d up after %s%n",
                kafka.bootstrapServers(), postgres.port(), Summary.human(Duration.ofNanos(System.nanoTime() - t0)));
        // Passwords made up for this run only: nothing to commit, nothing to guess.
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : List.of(REQUESTER, APPROVER, READER)) {
            passwords.put(user, newSecretsKey());
        }
        issuer = OidcIssuer.start(
                0,
                "ferry-api",
                List.of(
                        new OidcIssuer.User(REQUESTER, passwords.get(REQUESTER), Set.of("viewer", "operator")),
                        new OidcIssuer.User(APPROVER, passwords.get(APPROVER), Set.of("viewer", "approver")),
                        new OidcIssuer.User(READER, passwords.get(READER), Set.of("viewer"))));
        DemoAuth auth = new DemoAuth(
                URI.create(issuer.issuer()),
                "ferry-api",
                new DemoAuth.Login(REQUESTER, passwords.get(REQUESTER)),
                new DemoAuth.Login(APPROVER, passwords.get(APPROVER)));
        testTokens = new OidcTokens(URI.create(issuer.issuer()), "ferry-api", Duration.ofSeconds(10));
        reader = API.as(testTokens.forUser(new DemoAuth.Login(READER, passwords.get(READER))));
        System.out.printf("e2e: OIDC issuer %s%n", issuer.issuer());

        Map<String, Integer> ports = new LinkedHashMap<>();
        SIMULATORS.keySet().forEach(name -> ports.put(name, QuarkusApp.freePort()));
        SERVICES.keySet().forEach(name -> ports.put(name, QuarkusApp.freePort()));
        targets = new DemoTargets(
                url(ports, "inventory-service"),
                url(ports, "planner-service"),
                url(ports, "executor-service"),
                url(ports, "notifier-service"),
                url(ports, "heroku-api"),
                url(ports, "aptible-api"),
                url(ports, "slack-receiver"));

        Map<String, Map<String, String>> config = new LinkedHashMap<>();
        SIMULATORS.keySet().forEach(name -> config.put(name, new LinkedHashMap<>()));
        String secretsKey = newSecretsKey();
        for (String service : SERVICES.keySet()) {
            Map<String, String> props = new LinkedHashMap<>();
            props.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            kafka.clientSettings(kafkaUser(service)).forEach((key, value) -> props.put("kafka." + key, value));
            props.put("ferry.topics.create", "false");
            props.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(DATABASES.get(service)));
            props.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASES.get(service)));
            props.put("quarkus.datasource.username", LocalPostgres.USER);
            props.put("quarkus.datasource.password", LocalPostgres.PASSWORD);
            props.put("ferry.secrets.keys.k1", secretsKey);
            // Bearer tokens from the test's issuer, as FERRY_AUTH_ENABLED=true and FERRY_OIDC_ISSUER set them.
            props.put("quarkus.oidc.tenant-enabled", "true");
            props.put("quarkus.oidc.auth-server-url", issuer.issuer());
            props.put("quarkus.oidc.client-id", "ferry-api");
            config.put(service, props);
        }
        config.get("inventory-service")
                .put("quarkus.rest-client.heroku.url", targets.heroku().toString());
        // The simulator serves the Data API (api.data.heroku.com) on the same port.
        config.get("inventory-service")
                .put("quarkus.rest-client.heroku-data.url", targets.heroku().toString());
        config.get("inventory-service").put("inventory.heroku.token", HEROKU_TOKEN);
        config.get("executor-service")
                .put("quarkus.rest-client.aptible.url", targets.aptible().toString());
        config.get("executor-service").put("executor.aptible.username", APTIBLE_USER);
        config.get("executor-service").put("executor.aptible.password", APTIBLE_PASSWORD);
        config.get("executor-service").put("executor.evidence.signing-key", EVIDENCE_KEY);
        config.get("notifier-service")
                .put(
                        "notifier.slack.webhook-url",
                        DemoTargets.at(targets.slack(), WEBHOOK_PATH).toString());
        config.get("notifier-service")
                .put("notifier.links.executor-url", targets.executor().toString());
        config.get("notifier-service")
                .put("notifier.links.planner-url", targets.planner().toString());
        // Backed add-ons and provisioned databases are real ones, so the copy moves real rows.
        String admin = "postgresql://" + LocalPostgres.USER + ":" + LocalPostgres.PASSWORD + "@127.0.0.1:"
                + postgres.port() + "/postgres";
        config.get("heroku-api")
                .put(
                        "heroku-sim.backing.postgres-admin-url",
                        postgres.jdbcUrl("postgres") + "?user=" + LocalPostgres.USER + "&password="
                                + LocalPostgres.PASSWORD);
        config.get("heroku-api")
                .put("heroku-sim.backing.redis-url", redis.url(0).replaceFirst("/0$", ""));
        config.get("aptible-api").put("aptible-sim.backing.postgres-admin-url", admin);
        config.get("aptible-api")
                .put("aptible-sim.backing.redis-url", redis.url(0).replaceFirst("/0$", ""));
        config.get("aptible-api").put("aptible-sim.backing.redis-first-index", "8");
        config.get("executor-service")
                .put("ferry.executor.heroku.url", targets.heroku().toString());
        config.get("executor-service")
                .put("ferry.executor.heroku.data-url", targets.heroku().toString());
        config.get("executor-service").put("ferry.executor.heroku.token", HEROKU_TOKEN);
        config.get("executor-service").put("executor.time-scale", "0.00005");
        // As deployed (FERRY_LOG_JSON=true in compose and Kubernetes): JSON lines.
        config.get("executor-service").put("quarkus.log.console.json.enabled", "true");
        config.get("executor-service").put("executor.dns.hosts.\"*.acme.example\"", "192.0.2.10");
        config.get("executor-service").put("executor.dns.hosts.\"*.acme-shop.example\"", "192.0.2.10");
        config.get("executor-service").put("executor.dns.hosts.\"*.aptible.in\"", "192.0.2.10");
        config.get("executor-service").put("executor.dns.hosts.\"*.on-aptible.com\"", "192.0.2.10");
        config.forEach((name, props) -> props.put("quarkus.http.port", Integer.toString(ports.get(name))));

        t0 = System.nanoTime();
        startAll(SIMULATORS.keySet(), jars, config);
        startAll(SERVICES.keySet(), jars, config);
        System.out.printf(
                "e2e: %d apps ready after %s%n", APPS.size(), Summary.human(Duration.ofNanos(System.nanoTime() - t0)));

        driver = new DemoDriver(targets, DemoOptions.defaults(), auth, System.out);
        try {
            result = driver.run();
        } catch (RuntimeException e) {
            printLogTails();
            throw e;
        }
        System.out.println();
        System.out.print(Summary.table(result));
        System.out.printf(
                "e2e: measured time from discovery POST to last Slack message: %s (%d ms)%n",
                Summary.human(result.wallTime()), result.wallTime().toMillis());
    }

    @AfterAll
    static void stopEverything() {
        List<String> names = new ArrayList<>(APPS.keySet());
        Collections.reverse(names);
        for (String name : names) {
            try {
                APPS.remove(name).close();
            } catch (RuntimeException e) {
                System.err.println("e2e: could not stop " + name + ": " + e.getMessage());
            }
        }
        if (issuer != null) {
            issuer.close();
        }
        if (kafka != null) {
            try {
                kafka.close();
            } catch (RuntimeException e) {
                System.err.println("e2e: could not stop Kafka: " + e.getMessage());
            }
        }
        if (redis != null) {
            redis.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (RuntimeException e) {
                System.err.println("e2e: could not stop PostgreSQL: " + e.getMessage());
            }
        }
    }

    @Test
    @Order(1)
    void theDiscoveryCompletedWithTheRequestedApp() {
        JsonNode detail = getJson(DemoTargets.at(targets.inventory(), "/api/discoveries/" + result.discoveryId()));
        assertThat(FlowJson.discoveryStatus(detail)).isEqualTo("completed");
        // alice asked with her own token (and, for today's services, said so in the body too).
        assertThat(detail.path("discovery").path("requestedBy").asText()).isEqualTo(REQUESTER);
        assertThat(FlowJson.discoveredApps(detail)).containsExactly("acme-shop");
    }

    @Test
    @Order(2)
    void thePlanCreatesTheEnvironmentAndTheAppAndConfiguresIt() {
        JsonNode detail = getJson(DemoTargets.at(targets.planner(), "/api/plans/" + result.planId()));
        FlowJson.PlanRef plan = FlowJson.plan(detail);
        assertThat(plan.discoveryId()).isEqualTo(result.discoveryId());
        assertThat(plan.environment()).isEqualTo("acme-production");
        assertThat(plan.requestedBy()).isEqualTo(REQUESTER);
        assertThat(plan.status()).isEqualTo("approved");
        // The guide for acme-shop: environment, app, its Postgres and its Sidekiq Redis, configuration,
        // image, services, endpoints, then the cutover with the data copy, its verification and the DNS switch.
        assertThat(FlowJson.planSteps(detail))
                .extracting(PlannedStep::id, PlannedStep::type)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("environment:acme-production", "ensure-environment"),
                        org.assertj.core.groups.Tuple.tuple("app:acme-shop", "ensure-app"),
                        org.assertj.core.groups.Tuple.tuple("configure:acme-shop", "configure-app"),
                        org.assertj.core.groups.Tuple.tuple("deploy:acme-shop", "deploy-app"),
                        org.assertj.core.groups.Tuple.tuple("endpoint:acme-shop/web", "ensure-endpoint"),
                        org.assertj.core.groups.Tuple.tuple("maintenance-on:acme-shop", "heroku-maintenance"),
                        org.assertj.core.groups.Tuple.tuple("copy:postgresql-acme-shop-primary", "copy-postgres"),
                        org.assertj.core.groups.Tuple.tuple("verify:postgresql-acme-shop-primary", "verify-postgres"),
                        org.assertj.core.groups.Tuple.tuple("copy-redis:redis-acme-shop-queue", "copy-redis"),
                        org.assertj.core.groups.Tuple.tuple("repoint:acme-shop", "configure-app"));
        assertThat(FlowJson.planSteps(detail)).extracting(PlannedStep::type).contains("verify-dns", "timed-wait");
        assertThat(FlowJson.planSteps(detail))
                .allSatisfy(step -> assertThat(step.reason()).isNotBlank());
    }

    @Test
    @Order(3)
    void theMigrationCompletedEveryStep() {
        assertThat(result.migrationId()).isEqualTo(DemoDriver.migrationIdOf(result.planId(), result.planVersion()));
        assertThat(result.migrationStatus()).isEqualTo("completed");
        assertThat(result.steps()).extracting(StepResult::stepId).containsExactlyInAnyOrderElementsOf(stepIds());
        assertThat(result.steps()).allSatisfy(step -> {
            assertThat(step.status()).isEqualTo("succeeded");
            assertThat(step.attempts()).isPositive();
            assertThat(step.summary()).isNotBlank();
        });
        JsonNode list = getJson(DemoTargets.at(targets.executor(), "/api/migrations"));
        assertThat(FlowJson.migrationIdForPlan(list, result.planId(), result.planVersion()))
                .contains(result.migrationId());
    }

    @Test
    @Order(4)
    void everyStepLeftItsEventsOnTheMigrationsTopic() {
        EventProbe probe = new EventProbe(kafka.bootstrapServers(), kafka.superUserSettings());
        List<CloudEvent> events = probe.readAll(Topics.MIGRATIONS).stream()
                .filter(e -> e.subject().equals(result.migrationId()))
                .toList();
        List<String> stepIds = stepIds();

        assertThat(events)
                .filteredOn(e -> e.data() instanceof MigrationStarted)
                .singleElement()
                .satisfies(e -> {
                    MigrationStarted started = (MigrationStarted) e.data();
                    assertThat(started.planId()).isEqualTo(result.planId());
                    assertThat(started.environment()).isEqualTo("acme-production");
                    assertThat(started.stepIds()).containsExactlyInAnyOrderElementsOf(stepIds);
                });
        for (String stepId : stepIds) {
            assertThat(events)
                    .as("StepStarted of %s, one per attempt", stepId)
                    .filteredOn(
                            e -> e.data() instanceof StepStarted s && s.stepId().equals(stepId))
                    .hasSize(attemptsOf(stepId));
            assertThat(events)
                    .as("StepSucceeded of %s", stepId)
                    .filteredOn(e ->
                            e.data() instanceof StepSucceeded s && s.stepId().equals(stepId))
                    .hasSize(1);
        }
        assertThat(events)
                .filteredOn(e -> e.data() instanceof MigrationCompleted)
                .singleElement()
                .satisfies(e -> {
                    assertThat(((MigrationCompleted) e.data()).stepCount()).isEqualTo(stepIds.size());
                });
        // The completion comes last, after every step's success.
        assertThat(events.get(events.size() - 1).data()).isInstanceOf(MigrationCompleted.class);
    }

    @Test
    @Order(5)
    void aptibleHasExactlyTheEnvironmentAndTheApp() {
        JsonNode state = getJson(DemoTargets.at(targets.aptible(), "/_simulator/state"));
        assertThat(state.path("accounts").path("count").asInt()).isEqualTo(1);
        assertThat(texts(state.path("accounts").path("handles"))).containsExactly("acme-production");
        assertThat(state.path("apps").path("count").asInt()).isEqualTo(1);
        assertThat(texts(state.path("apps").path("handles"))).containsExactly("acme-shop");
        assertThat(texts(state.path("apps").path("by_account").path("acme-production")))
                .containsExactly("acme-shop");
        // One managed PostgreSQL and one Redis, each a real database the copy wrote into.
        assertThat(state.path("databases").toString())
                .contains("postgresql-acme-shop-primary")
                .contains("redis-acme-shop-queue");
    }

    @Test
    @Order(6)
    void slackGotOneMessagePerCompletedStep() {
        JsonNode messages = getJson(DemoTargets.at(targets.slack(), "/_receiver/messages"));
        List<String> aboutMigration = new ArrayList<>();
        for (JsonNode m : messages) {
            assertThat(m.path("via").asText()).isEqualTo("webhook");
            assertThat(m.path("target").asText()).isEqualTo(WEBHOOK_PATH);
            if (m.path("payload").toString().contains(result.migrationId())) {
                aboutMigration.add(m.path("payload").path("text").asText());
            }
        }
        // The driver waited for the message that the migration ended, the last of its channel. What
        // Slack must have heard comes from the migration's events: start, each gate a person was
        // asked to open and each approval, each failed attempt, each success, the end; exactly once.
        List<CloudEvent> events = new EventProbe(kafka.bootstrapServers(), kafka.superUserSettings())
                .readAll(Topics.MIGRATIONS).stream()
                        .filter(e -> e.subject().equals(result.migrationId()))
                        .toList();
        Map<String, Long> failed = countByStep(events, StepFailed.class);
        Map<String, Long> opened = countByStep(events, GateOpened.class);
        Map<String, Long> approved = countByStep(events, GateApproved.class);
        assertThat(opened).as("gates a person was asked to open").isNotEmpty();
        assertThat(approved.keySet()).isEqualTo(opened.keySet());
        long expected = 2
                + result.steps().size()
                + opened.size()
                + approved.size()
                + failed.values().stream().mapToLong(Long::longValue).sum();
        FlowJson.MigrationSnapshot migration = new FlowJson.MigrationSnapshot(
                result.migrationId(), result.planId(), result.planVersion(), result.migrationStatus(), result.steps());
        assertThat(expected).isGreaterThanOrEqualTo(FlowJson.expectedSlackMessages(migration));
        assertThat(aboutMigration).hasSize((int) expected);
        assertThat(aboutMigration)
                .filteredOn(t -> t.startsWith(":rocket: Migration started"))
                .hasSize(1);
        assertThat(aboutMigration)
                .filteredOn(t -> t.startsWith(":tada: Migration completed"))
                .hasSize(1);
        for (StepResult step : result.steps()) {
            String id = step.stepId();
            assertThat(aboutMigration)
                    .as("success messages naming step %s", id)
                    .filteredOn(t -> t.startsWith(":white_check_mark: Step " + id + " ("))
                    .hasSize(1);
            assertThat(aboutMigration)
                    .as("failed-attempt messages naming step %s", id)
                    .filteredOn(t -> t.startsWith(":x: Step " + id + " ("))
                    .hasSize(failed.getOrDefault(id, 0L).intValue());
            assertThat(aboutMigration)
                    .as("gate messages naming step %s", id)
                    .filteredOn(t -> t.startsWith(":raised_hand: ") && t.contains(" at step " + id + ": "))
                    .hasSize(opened.containsKey(id) ? 1 : 0);
            assertThat(aboutMigration)
                    .as("gate approvals naming step %s", id)
                    .filteredOn(t -> t.startsWith(":white_check_mark: Gate at step " + id + " approved by "))
                    .hasSize(approved.containsKey(id) ? 1 : 0);
        }
        // Plus the request for approval, which names the plan rather than the migration.
        assertThat(messages.toString()).contains(result.planId());
    }

    @Test
    @Order(7)
    void theSecretsArriveAtAptible() throws IOException {
        // Read straight from the simulator, and deliberately left out of the leak check below: this
        // is where the values belong.
        HttpApi aptible = new HttpApi(Duration.ofSeconds(3), Duration.ofSeconds(15));
        JsonNode token = FlowJson.parse(aptible.post(
                        DemoTargets.at(targets.aptible(), "/tokens"),
                        FlowJson.write(Map.of(
                                "grant_type", "password", "username", APTIBLE_USER, "password", APTIBLE_PASSWORD)))
                .body());
        String bearer = token.path("access_token").asText();
        assertThat(bearer).isNotBlank();
        JsonNode app = FlowJson.parse(getWithBearer(
                DemoTargets.at(targets.aptible(), "/find/app?handle=acme-shop&environment=acme-production"), bearer));
        String configuration =
                app.path("_links").path("current_configuration").path("href").asText();
        assertThat(configuration).as("the app's current configuration link").isNotBlank();
        JsonNode env =
                FlowJson.parse(getWithBearer(URI.create(configuration), bearer)).path("env");
        assertThat(env.path("SECRET_KEY_BASE").asText()).isEqualTo("FAKE-secret-key-base-7f3a9c");
        assertThat(env.path("SENDGRID_API_KEY").asText()).isEqualTo("FAKE-sendgrid-key-0001");
        assertThat(env.path("RAILS_ENV").asText()).isEqualTo("production");
        assertThat(env.toString()).doesNotContain("FAKE-admin-secret-key-base-2b81d0");
    }

    @Test
    @Order(8)
    void everyServiceTurnsAwayCallersWithoutAValidToken() throws IOException {
        // Tokens the services must refuse: one that expired, one from an issuer they do not trust.
        String expired = issuer.token(READER, Set.of("viewer"), Duration.ofMinutes(-10));
        String foreign;
        try (OidcIssuer other = OidcIssuer.start(0, "ferry-api", List.of())) {
            foreign = other.token(READER, Set.of("viewer", "operator", "approver", "admin"));
        }
        REFUSED_TOKENS.add(expired);
        REFUSED_TOKENS.add(foreign);
        for (Map.Entry<String, String> e : GUARDED_READS.entrySet()) {
            URI uri = DemoTargets.at(targets.byName().get(e.getKey()), e.getValue());
            assertThat(API.get(uri).status()).as("GET %s without a token", uri).isEqualTo(401);
            assertThat(send("GET", uri, expired))
                    .as("GET %s with an expired token", uri)
                    .isEqualTo(401);
            assertThat(send("GET", uri, foreign))
                    .as("GET %s with another issuer's token", uri)
                    .isEqualTo(401);
            assertThat(reader.get(uri).status()).as("GET %s as a viewer", uri).isEqualTo(200);
            URI health = DemoTargets.at(targets.byName().get(e.getKey()), "/q/health/ready");
            assertThat(API.get(health).status()).as("%s stays open", health).isEqualTo(200);
        }
        // Commands without a token are refused too, and change nothing.
        URI discoveries = DemoTargets.at(targets.inventory(), "/api/discoveries");
        int discoveriesBefore = getJson(discoveries).size();
        Map<URI, String> commands = new LinkedHashMap<>();
        commands.put(DemoTargets.at(targets.inventory(), "/api/discoveries"), "{\"apps\":[\"acme-shop\"]}");
        commands.put(
                DemoTargets.at(targets.planner(), "/api/plans/" + result.planId() + "/rejection"),
                "{\"version\":" + result.planVersion() + ",\"comment\":\"no\"}");
        commands.put(DemoTargets.at(targets.executor(), "/api/migrations/" + result.migrationId() + "/pause"), "{}");
        commands.put(DemoTargets.at(targets.notifier(), "/api/subscriptions"), "{}");
        for (Map.Entry<URI, String> c : commands.entrySet()) {
            assertThat(API.post(c.getKey(), c.getValue()).status())
                    .as("POST %s without a token", c.getKey())
                    .isEqualTo(401);
        }
        JsonNode after = getJson(discoveries);
        assertThat(after.toString()).contains(result.discoveryId());
        assertThat(after.size()).as("discoveries after the refused POST").isEqualTo(discoveriesBefore);
        assertThat(FlowJson.plan(getJson(DemoTargets.at(targets.planner(), "/api/plans/" + result.planId())))
                        .status())
                .isEqualTo("approved");
        assertThat(FlowJson.migration(
                                getJson(DemoTargets.at(targets.executor(), "/api/migrations/" + result.migrationId())))
                        .status())
                .isEqualTo("completed");
    }

    @Test
    @Order(9)
    void theMigrationsEvidencePackIsSignedWithTheConfiguredKey() throws Exception {
        URI packUri = DemoTargets.at(targets.executor(), "/api/migrations/" + result.migrationId() + "/evidence");
        JsonNode pack = getJson(packUri);
        JsonNode key = getJson(DemoTargets.at(targets.executor(), "/api/evidence/signing-key"));
        assertThat(key.path("keyId").asText())
                .isEqualTo(pack.path("signature").path("keyId").asText());
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(
                        Base64.getMimeDecoder().decode(key.path("pem").asText().replaceAll("-----[A-Z ]+-----", ""))));
        assertThat(pack.path("evidence").path("migration").path("status").asText())
                .isEqualTo("completed");
        assertThat(pack.path("signature").path("algorithm").asText()).isEqualTo("Ed25519");
        // jq -cjS .evidence: the canonical bytes the digest and the signature cover
        String canonical = canonicalJson(pack.path("evidence"));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(canonical.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder()
                        .decode(pack.path("signature").path("value").asText())))
                .as("the pack's signature checks out with the executor's published key")
                .isTrue();
    }

    @Test
    @Order(10)
    void theExecutorLogsJsonLinesThatNameTheMigrationAndStep() throws IOException {
        List<String> lines = Files.readAllLines(APPS.get("executor-service").log(), StandardCharsets.UTF_8);
        List<JsonNode> json = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("{")) {
                json.add(FlowJson.parse(line));
            }
        }
        // Everything after start-up is JSON (the launcher's first lines may not be).
        assertThat(json).as("JSON log lines").hasSizeGreaterThan(lines.size() / 2);
        List<JsonNode> aboutSteps = json.stream()
                .filter(j -> result.migrationId()
                        .equals(j.path("mdc").path("migrationId").asText()))
                .filter(j -> !j.path("mdc").path("stepId").asText().isEmpty())
                .toList();
        assertThat(aboutSteps)
                .as("log lines carrying the migration and step ids as fields")
                .isNotEmpty()
                .allSatisfy(j -> assertThat(j.path("message").asText()).isNotBlank());
        assertThat(aboutSteps.stream().map(j -> j.path("mdc").path("stepId").asText()))
                .containsAnyElementsOf(stepIds());
    }

    /** JSON with object members sorted by name at every level and no whitespace. */
    private static String canonicalJson(JsonNode node) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        return mapper.writeValueAsString(mapper.convertValue(node, Object.class));
    }

    /** A fresh Ed25519 key as the executor takes it: base64 of PKCS#8, as openssl genpkey writes it. */
    private static String evidenceKey() {
        try {
            return Base64.getEncoder()
                    .encodeToString(KeyPairGenerator.getInstance("Ed25519")
                            .generateKeyPair()
                            .getPrivate()
                            .getEncoded());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(100)
    void noSeededSecretLeaksAnywhere() throws Exception {
        // The seeded values, and every bearer token the flow and the tests sent or were refused with.
        List<String> tokens = new ArrayList<>(driver.bearerTokens());
        tokens.addAll(testTokens.issued());
        tokens.addAll(REFUSED_TOKENS);
        assertThat(driver.bearerTokens())
                .as("tokens the flow used (alice's and bob's)")
                .hasSizeGreaterThanOrEqualTo(2);
        SECRETS.clear();
        SEEDED_SECRETS.forEach(secret -> SECRETS.put(secret, secret));
        SECRETS.put(EVIDENCE_KEY, "the evidence signing key");
        SECRETS.put(HEROKU_TOKEN, "the Heroku API token");
        SECRETS.put(APTIBLE_PASSWORD, "the Aptible password");
        SECRETS.put(WEBHOOK_PATH, "the Slack webhook URL's secret path");
        List<String> targetPasswords = aptibleDatabasePasswords();
        assertThat(targetPasswords)
                .as("passwords of the databases Aptible provisioned")
                .isNotEmpty();
        targetPasswords.forEach(password -> SECRETS.put(password, "an Aptible database password"));
        for (String token : tokens) {
            SECRETS.putIfAbsent(token, "bearer token #" + SECRETS.size());
        }
        Map<String, Set<String>> leaks = new LinkedHashMap<>();
        Map<String, Set<String>> selfCheck = new LinkedHashMap<>();
        scan("self-check", "postgres://acme:" + SEEDED_SECRETS.get(0) + "@host/db", selfCheck);
        scan("self-check token", "Authorization: Bearer " + tokens.get(0), selfCheck);
        assertThat(selfCheck)
                .as("the scan finds a secret inside other text")
                .containsOnlyKeys("self-check", "self-check token");

        // Every record on every topic: key, value and headers.
        EventProbe probe = new EventProbe(kafka.bootstrapServers(), kafka.superUserSettings());
        Set<String> topics;
        try (Admin admin = kafka.admin()) {
            topics = new TreeSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
        }
        assertThat(topics).contains(Topics.INVENTORY, Topics.PLANS, Topics.MIGRATIONS, Topics.NOTIFICATIONS);
        int records = 0;
        for (String topic : topics) {
            for (ConsumerRecord<String, String> record : probe.records(topic)) {
                records++;
                StringBuilder text = new StringBuilder();
                text.append(record.key()).append('\n').append(record.value());
                for (Header h : record.headers()) {
                    text.append('\n').append(h.key()).append('=');
                    if (h.value() != null) {
                        text.append(new String(h.value(), StandardCharsets.UTF_8));
                    }
                }
                scan("kafka " + topic + "@" + record.partition() + ":" + record.offset(), text.toString(), leaks);
            }
        }
        assertThat(records).as("records read from Kafka").isGreaterThan(10);

        // Every service's (and simulator's) log file.
        for (QuarkusApp app : APPS.values()) {
            scan("log " + LOGS.relativize(app.log()), Files.readString(app.log()), leaks);
        }

        // Every row of every table of each service's database.
        int rows = 0;
        int tables = 0;
        for (Map.Entry<String, String> db : DATABASES.entrySet()) {
            int[] counted = scanDatabase(db.getValue(), leaks);
            tables += counted[0];
            rows += counted[1];
        }
        assertThat(rows).as("rows read from the services' databases").isGreaterThan(10);

        // Every API answer read by the flow and by the tests above (API's transcript holds reader's).
        List<HttpApi.Exchange> answers = new ArrayList<>(driver.transcript());
        answers.addAll(API.transcript());
        for (HttpApi.Exchange e : answers) {
            if (e.uri()
                    .toString()
                    .startsWith(DemoTargets.at(targets.slack(), "/_receiver/").toString())) {
                continue; // Slack's own record of what reached it (it knows its webhook's URL); payloads below
            }
            scan("answer to " + e.method() + " " + e.uri(), e.body(), leaks);
        }

        // Every Slack payload. The receiver's own log is Slack's side: it may know its URL.
        JsonNode messages = getJson(DemoTargets.at(targets.slack(), "/_receiver/messages"));
        for (JsonNode m : messages) {
            scan(
                    "slack message " + m.path("sequence").asText(),
                    m.path("payload").toString(),
                    leaks);
        }

        System.out.printf(
                "e2e: scanned %d Kafka records on %d topics, %d rows in %d tables, %d log files, %d API answers,"
                        + " %d Slack payloads for %d seeded secrets, the evidence signing key, the Heroku token, the"
                        + " Aptible password, the webhook path, %d Aptible database passwords and %d bearer tokens%n",
                records,
                topics.size(),
                rows,
                tables,
                APPS.size(),
                answers.size(),
                messages.size(),
                SEEDED_SECRETS.size(),
                targetPasswords.size(),
                tokens.size());
        assertThat(leaks).as("places where a seeded secret value appears").isEmpty();
    }

    private static void scan(String where, String text, Map<String, Set<String>> leaks) {
        if (text == null) {
            return;
        }
        for (Map.Entry<String, String> secret : SECRETS.entrySet()) {
            if (text.contains(secret.getKey())) {
                leaks.computeIfAbsent(where, k -> new TreeSet<>()).add(secret.getValue());
            }
        }
    }

    /** How many events of a type each step has on the log (a redelivered append counts once). */
    private static Map<String, Long> countByStep(List<CloudEvent> events, Class<?> type) {
        Map<String, Set<String>> ids = new TreeMap<>();
        for (CloudEvent e : events) {
            String stepId = e.data() instanceof StepFailed f
                    ? f.stepId()
                    : e.data() instanceof GateOpened g
                            ? g.stepId()
                            : e.data() instanceof GateApproved a ? a.stepId() : null;
            if (type.isInstance(e.data()) && stepId != null) {
                ids.computeIfAbsent(stepId, k -> new TreeSet<>()).add(e.id());
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        ids.forEach((step, set) -> counts.put(step, (long) set.size()));
        return counts;
    }

    /** The passwords in the connection URLs of the databases the Aptible simulator provisioned. */
    private static List<String> aptibleDatabasePasswords() throws IOException {
        HttpApi aptible = new HttpApi(Duration.ofSeconds(3), Duration.ofSeconds(15));
        JsonNode token = FlowJson.parse(aptible.post(
                        DemoTargets.at(targets.aptible(), "/tokens"),
                        FlowJson.write(Map.of(
                                "grant_type", "password", "username", APTIBLE_USER, "password", APTIBLE_PASSWORD)))
                .body());
        JsonNode databases = FlowJson.parse(getWithBearer(
                        DemoTargets.at(targets.aptible(), "/databases"),
                        token.path("access_token").asText()))
                .path("_embedded")
                .path("databases");
        List<String> passwords = new ArrayList<>();
        for (JsonNode database : databases) {
            String userInfo =
                    URI.create(database.path("connection_url").asText()).getUserInfo();
            if (userInfo != null && userInfo.contains(":")) {
                passwords.add(userInfo.substring(userInfo.indexOf(':') + 1));
            }
        }
        return passwords;
    }

    /** Scans every row of every table outside PostgreSQL's own schemas; returns {tables, rows}. */
    private static int[] scanDatabase(String database, Map<String, Set<String>> leaks) throws SQLException {
        int tables = 0;
        int rows = 0;
        try (Connection c = DriverManager.getConnection(
                        postgres.jdbcUrl(database), LocalPostgres.USER, LocalPostgres.PASSWORD);
                Statement st = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name)"
                    + " FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                    + " AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                tables++;
                try (ResultSet rs = st.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rs.next()) {
                        rows++;
                        scan("table " + database + "." + table, rs.getString(1), leaks);
                    }
                }
            }
        }
        return new int[] {tables, rows};
    }

    /** The status of a request with the given bearer token (for tokens the services must refuse). */
    private static int send(String method, URI uri, String bearer) throws IOException {
        var client = java.net.http.HttpClient.newHttpClient();
        try {
            return client.send(
                            java.net.http.HttpRequest.newBuilder(uri)
                                    .header("Authorization", "Bearer " + bearer)
                                    .header("Accept", "application/json")
                                    .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                                    .timeout(Duration.ofSeconds(15))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int attemptsOf(String stepId) {
        return result.steps().stream()
                .filter(s -> s.stepId().equals(stepId))
                .mapToInt(StepResult::attempts)
                .findFirst()
                .orElse(0);
    }

    private static List<String> stepIds() {
        return result.planSteps().stream().map(PlannedStep::id).toList();
    }

    private static JsonNode getJson(URI uri) {
        HttpApi.Response[] answer = new HttpApi.Response[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    answer[0] = (isService(uri) ? reader : API).get(uri);
                    return answer[0].ok();
                });
        return FlowJson.parse(answer[0].body());
    }

    /** Services want a token; the simulators take none (nor should they see Ferry's). */
    private static boolean isService(URI uri) {
        return SERVICES.keySet().stream()
                .map(name -> targets.byName().get(name))
                .anyMatch(base -> base.getPort() == uri.getPort());
    }

    private static String getWithBearer(URI uri, String bearer) throws IOException {
        var client = java.net.http.HttpClient.newHttpClient();
        try {
            var response = client.send(
                    java.net.http.HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + bearer)
                            .header("Accept", "application/hal+json")
                            .timeout(Duration.ofSeconds(15))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The packaged jar of every app, or a failure naming all that are missing and how to build them. */
    private static Map<String, Path> packagedJars() {
        Path root =
                Path.of(System.getProperty("ferry.root", "..")).toAbsolutePath().normalize();
        Map<String, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        Map<String, String> all = new LinkedHashMap<>(SIMULATORS);
        all.putAll(SERVICES);
        all.forEach((name, module) -> {
            Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (Files.isRegularFile(jar)) {
                jars.put(name, jar);
            } else {
                missing.add(module);
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "The end-to-end test runs the packaged apps, but these are not built: "
                            + String.join(", ", missing) + " (no target/quarkus-app/quarkus-run.jar under " + root
                            + "). Build them first, e.g. ./mvnw -B install -DskipTests, or run ./mvnw -B verify from the root.");
        }
        all.forEach((name, module) -> warnIfStale(root.resolve(module), jars.get(name)));
        return jars;
    }

    /** Run alone ({@code -pl e2e-tests}), the test would silently use old jars: say so. */
    private static void warnIfStale(Path module, Path jar) {
        try (var files = Files.walk(module.resolve("src/main"))) {
            long built = Files.getLastModifiedTime(jar).toMillis();
            files.filter(Files::isRegularFile)
                    .filter(f -> f.toFile().lastModified() > built)
                    .findFirst()
                    .ifPresent(
                            f -> System.out.println("e2e: warning: " + module.getFileName() + " changed since its jar"
                                    + " was built (" + module.relativize(f) + "); the test runs the old jar"));
        } catch (IOException e) {
            // No sources to compare with: nothing to warn about.
        }
    }

    /** Starts apps side by side (the machine is small; readiness is what takes time). */
    private static void startAll(Set<String> names, Map<String, Path> jars, Map<String, Map<String, String>> config)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(names.size());
        try {
            Map<String, Future<QuarkusApp>> starting = new LinkedHashMap<>();
            for (String name : names) {
                starting.put(name, pool.submit(() -> {
                    QuarkusApp app = QuarkusApp.start(name, jars.get(name), config.get(name), LOGS);
                    APPS.put(name, app);
                    return app;
                }));
            }
            List<String> failures = new ArrayList<>();
            for (Map.Entry<String, Future<QuarkusApp>> e : starting.entrySet()) {
                try {
                    e.getValue().get();
                } catch (ExecutionException failure) {
                    failures.add(e.getKey() + ": " + failure.getCause().getMessage());
                }
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException("Apps did not start:\n" + String.join("\n\n", failures));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void printLogTails() {
        for (Map.Entry<String, QuarkusApp> e : new LinkedHashMap<>(APPS).entrySet()) {
            System.out.println(
                    "---- last lines of " + e.getKey() + " (" + e.getValue().log() + ") ----");
            System.out.println(e.getValue().tail());
        }
    }

    /** If the JVM ends without @AfterAll (killed build), still take the child processes along. */
    private static void killLeftovers() {
        for (QuarkusApp app : new ArrayList<>(APPS.values())) {
            ProcessHandle.of(app.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static URI url(Map<String, Integer> ports, String name) {
        return URI.create("http://127.0.0.1:" + ports.get(name));
    }

    private static String newSecretsKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

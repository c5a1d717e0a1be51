package dev.ferry.inventory.drift;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.Topics;
import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.inventory.EstateDrifted;
import dev.ferry.events.inventory.EstateDrifted.Change;
import dev.ferry.inventory.InventoryTestResources;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.RedisTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two discoveries of the simulator with the estate changed in between: the re-scan appends one
 * {@code estate-drifted} naming every change, the diff endpoint agrees, and no secret leaks.
 */
@QuarkusTest
@AsUser("everyone")
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = InventoryTestResources.DATABASE))
@WithTestResource(
        value = RedisTestResource.class,
        initArgs = @ResourceArg(name = "property", value = "drift-test.redis-url"))
@WithTestResource(EstateFileSimulatorResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DriftTest {
    private static final List<Change> EXPECTED_CHANGES = List.of(
            new Change("acme-shop", "formation", "web: 2 x standard-1x -> 3 x standard-1x"),
            new Change("acme-shop", "config-var-added", "NEW_FEATURE_FLAG"),
            new Change("acme-shop", "config-var-added", "PAPERTRAIL_API_TOKEN"),
            new Change("acme-shop", "config-var-removed", "LEGACY_TOKEN"),
            new Change("acme-shop", "config-var-removed", "SENDGRID_API_KEY"),
            new Change("acme-shop", "addon-added", "papertrail-drift-shop (papertrail:choklad)"),
            new Change("acme-shop", "addon-plan", "redis-drift-shop: heroku-redis:premium-0 -> heroku-redis:premium-1"),
            new Change("acme-shop", "addon-removed", "sendgrid-drift-shop (sendgrid:starter)"),
            new Change("acme-shop", "stack", "heroku-22 -> heroku-24"));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.rest-client.heroku.url")
    String simulator;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    @Order(0)
    void snapshotsOfTwoTeamsAreKeptApartAndAReScanRepeatsItsTeam() throws Exception {
        given().post("/api/drift/scans")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("nothing to re-scan"));

        String acme = discover("{\"scope\": \"team\", \"team\": \"acme\"}");
        String beta = discover("{\"scope\": \"team\", \"team\": \"beta\"}");
        assertThat(scopeKey(acme)).isEqualTo("team:acme");
        assertThat(scopeKey(beta)).isEqualTo("team:beta");

        // The re-scan repeats beta (the latest); its reads are slowed down so that acme's next snapshot
        // lands between beta's two. Compared by time alone it would look like beta's predecessor.
        given().baseUri(simulator)
                .contentType("application/json")
                .body("{\"path_prefix\": \"/apps/beta-web/formation\", \"latency_ms\": 4000, \"count\": 1}")
                .post("/_simulator/faults")
                .then()
                .statusCode(200);
        String rescan = given().post("/api/drift/scans")
                .then()
                .statusCode(202)
                .body("scope", equalTo("team:beta"))
                .body("basedOn", equalTo(beta))
                .body("apps", equalTo(2))
                .extract()
                .path("discoveryId");
        String acmeAgain = discover("{\"scope\": \"team\", \"team\": \"acme\"}");
        awaitCompleted(rescan);
        assertThat(finishedAt(acmeAgain)).isBefore(finishedAt(rescan));

        given().get("/api/discoveries/" + rescan)
                .then()
                .body("discovery.scope", equalTo("team"))
                .body("discovery.team", equalTo("beta"))
                .body("discovery.requestedBy", equalTo("ferry-drift"))
                .body("apps.name", equalTo(List.of("beta-web", "beta-worker")));
        assertThat(scopeKey(rescan)).isEqualTo("team:beta");
        // beta did not change: compared with beta's snapshot, not acme's, the re-scan found no drift.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> new EventProbe(bootstrap)
                        .readAll(Topics.INVENTORY).stream().noneMatch(e -> e.data() instanceof EstateDrifted));
        given().get("/api/drift").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    @Order(1)
    void aReScanAfterAChangeAppendsTheDriftAndTheDiffAgrees() throws Exception {
        String first = discoverAccount();
        String second = afterDrift(first);
        // A person's discovery is requested by the token's user; a re-scan by the drift scanner.
        given().get("/api/discoveries/" + first).then().body("discovery.requestedBy", equalTo("everyone"));
        given().get("/api/discoveries/" + second).then().body("discovery.requestedBy", equalTo("ferry-drift"));

        // The drift event, appended once with an id derived from the two discoveries.
        CloudEvent drifted = new EventProbe(bootstrap)
                .await(Topics.INVENTORY, e -> e.data() instanceof EstateDrifted, Duration.ofSeconds(60));
        assertThat(drifted.id()).isEqualTo(EventIds.derive("estate-drifted", first, second));
        assertThat(drifted.subject()).isEqualTo(second);
        EstateDrifted drift = (EstateDrifted) drifted.data();
        assertThat(drift.previousDiscoveryId()).isEqualTo(first);
        assertThat(drift.addedApps()).containsExactly("acme-api");
        assertThat(drift.removedApps()).containsExactly("acme-admin");
        assertThat(drift.changes()).containsExactlyElementsOf(EXPECTED_CHANGES);

        // The drift list, projected from the event.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/drift")
                        .then()
                        .statusCode(200)
                        .body("size()", equalTo(1))
                        .body("[0].discoveryId", equalTo(second))
                        .body("[0].previousDiscoveryId", equalTo(first)));
        String driftList = given().get("/api/drift").asString();
        assertThat(JsonPath.from(driftList).getList("[0].changes.detail"))
                .containsExactlyElementsOf(
                        EXPECTED_CHANGES.stream().map(Change::detail).toList());

        // The same differences from the diff endpoint, and their reverse.
        String diff = given().get("/api/discoveries/" + second + "/diff?against=" + first)
                .then()
                .statusCode(200)
                .body("discoveryId", equalTo(second))
                .body("against", equalTo(first))
                .extract()
                .asString();
        JsonPath d = JsonPath.from(diff);
        assertThat(d.getList("addedApps")).containsExactly("acme-api");
        assertThat(d.getList("removedApps")).containsExactly("acme-admin");
        assertThat(d.getList("changes.kind"))
                .containsExactlyElementsOf(
                        EXPECTED_CHANGES.stream().map(Change::kind).toList());
        assertThat(d.getList("changes.detail"))
                .containsExactlyElementsOf(
                        EXPECTED_CHANGES.stream().map(Change::detail).toList());
        String reverse = given().get("/api/discoveries/" + first + "/diff?against=" + second)
                .then()
                .statusCode(200)
                .body("addedApps", equalTo(List.of("acme-admin")))
                .body("removedApps", equalTo(List.of("acme-api")))
                .extract()
                .asString();

        // No secret value anywhere: the drift event, the drift list, both diffs.
        String driftRecords = String.join(
                "\n",
                new EventProbe(bootstrap)
                        .records(Topics.INVENTORY).stream()
                                .filter(r -> r.value().contains("addedApps"))
                                .map(r -> r.value())
                                .toList());
        assertThat(driftRecords).contains("LEGACY_TOKEN");
        for (String output : List.of(driftRecords, driftList, diff, reverse)) {
            assertThat(output).doesNotContain(DriftEstates.SECRETS).doesNotContain("FAKE");
        }

        // The probes ran in both discoveries: unreachable first (error without the URL), real data second.
        AddOn firstDb = addon(first, "postgresql-drift-shop");
        assertThat(firstDb.postgresProbe().reachable()).isFalse();
        assertThat(firstDb.postgresProbe().error())
                .contains("connection refused")
                .doesNotContain("FAKE");
        assertThat(addon(first, "redis-drift-shop").redisProbe().reachable()).isFalse();
        AddOn secondDb = addon(second, "postgresql-drift-shop");
        assertThat(secondDb.postgresProbe().reachable()).isTrue();
        assertThat(secondDb.postgresProbe().walLevel()).isEqualTo("replica");
        assertThat(secondDb.postgresProbe().canReplicate()).isFalse();
        assertThat(secondDb.postgresProbe().logicalSyncPossible()).isFalse();
        assertThat(secondDb.postgresProbe().tables()).isGreaterThanOrEqualTo(3); // discovery, discovered_app, ...
        AddOn secondRedis = addon(second, "redis-drift-shop");
        assertThat(secondRedis.redisProbe().reachable()).isTrue();
        assertThat(secondRedis.redisProbe().queueSystems()).containsExactly("sidekiq");
        String allRecords = String.join(
                "\n",
                new EventProbe(bootstrap)
                        .records(Topics.INVENTORY).stream().map(r -> r.value()).toList());
        assertThat(allRecords).doesNotContain(DriftEstates.SECRETS);

        // A re-scan without change appends no drift; a rebuild keeps the one drift.
        String third = given().post("/api/drift/scans")
                .then()
                .statusCode(202)
                .body("basedOn", equalTo(second))
                .extract()
                .path("discoveryId");
        // Discoveries run in the background: the snapshot exists once the discovery completed.
        awaitCompleted(third);
        given().get("/api/discoveries/" + third + "/diff?against=" + second)
                .then()
                .statusCode(200)
                .body("addedApps.size()", equalTo(0))
                .body("removedApps.size()", equalTo(0))
                .body("changes.size()", equalTo(0));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> new EventProbe(bootstrap)
                                .readAll(Topics.INVENTORY).stream()
                                        .filter(e -> e.data() instanceof EstateDrifted)
                                        .count()
                        == 1);
        given().post("/api/admin/projection/rebuild").then().statusCode(200);
        given().get("/api/drift").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    @Order(2)
    void theDiffRefusesBadInput() {
        String id = discoverAccount();
        given().get("/api/discoveries/" + id + "/diff")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("against="));
        given().get("/api/discoveries/" + id + "/diff?against=" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("another discovery"));
        given().get("/api/discoveries/" + id + "/diff?against=no-such-discovery")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no-such-discovery"));
        given().get("/api/discoveries/no-such-discovery/diff?against=" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @Order(3)
    void bareTeamKeysProjectedBeforeAreRewrittenWithTheTeamTheDiscoveryKept() throws Exception {
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V22__drift_team_scope_key.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement s = c.createStatement()) {
            for (String id : List.of("legacy-team-beta", "legacy-team-unknown")) {
                s.execute("insert into discovery (id, scope, requested_apps, requested_by, status, started_at, team)"
                        + " values ('" + id + "', 'team', '', 'someone', 'failed', now(), "
                        + (id.endsWith("beta") ? "'beta'" : "null") + ")");
                s.execute("insert into drift_snapshot (discovery_id, scope_key, started_at)" + " values ('" + id
                        + "', 'team', now())");
            }
            try {
                s.execute(migration);
                assertThat(scopeKey("legacy-team-beta")).isEqualTo("team:beta");
                assertThat(scopeKey("legacy-team-unknown")).isEqualTo("team");
            } finally {
                s.execute("delete from drift_snapshot where discovery_id like 'legacy-team-%'");
                s.execute("delete from discovery where id like 'legacy-team-%'");
            }
        }
    }

    private String discoverAccount() {
        return discover("{\"scope\": \"account\"}");
    }

    private static String discover(String body) {
        String id = given().contentType("application/json")
                .body(body)
                .post("/api/discoveries")
                .then()
                .statusCode(202)
                .extract()
                .path("discoveryId");
        awaitCompleted(id);
        return id;
    }

    /** The drift scope key the projection keeps for a discovery. */
    private String scopeKey(String discoveryId) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                java.sql.PreparedStatement q =
                        c.prepareStatement("select scope_key from drift_snapshot where discovery_id = ?")) {
            q.setString(1, discoveryId);
            try (java.sql.ResultSet r = q.executeQuery()) {
                assertThat(r.next()).as("a drift snapshot of %s", discoveryId).isTrue();
                return r.getString(1);
            }
        }
    }

    private static java.time.Instant finishedAt(String discoveryId) {
        return java.time.Instant.parse(
                given().get("/api/discoveries/" + discoveryId).then().extract().path("discovery.finishedAt"));
    }

    /** Changes the estate, points its URLs at real servers, and re-scans through the drift endpoint. */
    private String afterDrift(String first) throws Exception {
        // Read here, not injected: every test class is a bean of every test app, and only this
        // test's resources set these keys.
        String estateFile = ConfigProvider.getConfig().getValue("drift-test.estate-file", String.class);
        String redisUrl = ConfigProvider.getConfig().getValue("drift-test.redis-url", String.class);
        int pgPort = URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("create role probe_reader login password '" + DriftEstates.PROBE_PASSWORD + "'");
        }
        Vertx vertx = Vertx.vertx();
        try {
            var client = Redis.createClient(vertx, redisUrl);
            client.send(Request.cmd(Command.SADD).arg("queues").arg("default"))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
            client.close();
        } finally {
            vertx.close();
        }
        String databaseUrl =
                "postgres://probe_reader:" + DriftEstates.PROBE_PASSWORD + "@127.0.0.1:" + pgPort + "/ferry_inventory";
        DriftEstates.write(Path.of(estateFile), DriftEstates.v2(databaseUrl, redisUrl));
        given().post(simulator + "/_simulator/reset").then().statusCode(200);

        String second = given().post("/api/drift/scans")
                .then()
                .statusCode(202)
                .body("scope", equalTo("account"))
                .body("basedOn", equalTo(first))
                .extract()
                .path("discoveryId");
        awaitCompleted(second);
        return second;
    }

    private static void awaitCompleted(String id) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/discoveries/" + id)
                        .then()
                        .statusCode(200)
                        .body("discovery.status", equalTo("completed")));
    }

    private AddOn addon(String discoveryId, String name) {
        EstateDiscovered discovered = new EventProbe(bootstrap)
                .readAll(Topics.INVENTORY).stream()
                        .filter(e -> e.data() instanceof EstateDiscovered x
                                && x.discoveryId().equals(discoveryId))
                        .map(e -> (EstateDiscovered) e.data())
                        .findFirst()
                        .orElseThrow();
        return discovered.apps().stream()
                .flatMap(a -> a.addons().stream())
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}

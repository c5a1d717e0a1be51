package dev.ferry.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.DiscoveryFailed;
import dev.ferry.events.inventory.DiscoveryStarted;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.inventory.Discoveries;
import dev.ferry.inventory.InventoryTestResources;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Full discoveries of the simulator's demo estate: every interesting case (shared database, Shield
 * space, pipeline, Sidekiq Redis, Papertrail drain, ACM domains, a Postgres over 10 GB, release
 * phase, preboot, a failed release) lands in the snapshot and in the REST view with no secret in
 * plain text; team scope; progress as polling and Server-Sent Events; and bad input (unknown team,
 * 401, truncated answers) that fails clearly and records nothing half-written.
 */
@QuarkusTest
@AsUser("everyone")
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = InventoryTestResources.DATABASE))
@WithTestResource(
        value = SimulatorResource.class,
        initArgs = {
            @ResourceArg(name = "module", value = InventoryTestResources.HEROKU_MODULE),
            @ResourceArg(name = "property", value = InventoryTestResources.HEROKU_URL_PROPERTY)
        })
class EstateDiscoveryTest {
    /** Secret values seeded in the demo estate; none may leave Heroku's answers in plain text. */
    private static final List<String> SECRETS = List.of(
            "FAKE-db-password-1234",
            "FAKE-api-db-pw",
            "FAKE-papertrail-token-4411",
            "FAKE-webhook-token-77",
            "FAKE-siem-token-3",
            "FAKE-stripe-sk-9931",
            "FAKE-vpn-psk-0001",
            "FAKE-redis-pass");

    @ConfigProperty(name = InventoryTestResources.HEROKU_URL_PROPERTY)
    String heroku;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    @AfterEach
    void resetSimulator() {
        given().baseUri(heroku).post("/_simulator/reset").then().statusCode(200);
    }

    private List<CloudEvent> eventsOf(String id) {
        return new EventProbe(bootstrap)
                .readAll(Topics.INVENTORY).stream()
                        .filter(e -> e.subject().equals(id))
                        .toList();
    }

    private static AppInventory app(EstateDiscovered estate, String name) {
        return estate.apps().stream()
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no app " + name));
    }

    @Test
    void theWholeAccountLandsInTheSnapshotAndTheRestView() {
        String id = Discoveries.start("{\"scope\": \"account\"}");
        JsonPath progress = Discoveries.awaitEnd(id);
        assertThat(progress.getString("phase")).isEqualTo("completed");
        assertThat(progress.getInt("appsDone")).isEqualTo(5);

        List<CloudEvent> events = eventsOf(id);
        assertThat(events)
                .extracting(CloudEvent::type)
                .containsExactly("ferry.inventory.discovery-started.v1", "ferry.inventory.estate-discovered.v1");
        EstateDiscovered estate = (EstateDiscovered) events.get(1).data();
        assertThat(estate.apps())
                .extracting(AppInventory::name)
                .containsExactlyInAnyOrder("acme-shop", "acme-admin", "acme-api-staging", "acme-api", "acme-payments");
        assertThat(estate.teams()).extracting(t -> t.name()).containsExactly("acme");

        // A database shared between two apps, billed to one.
        AppInventory admin = app(estate, "acme-admin");
        AddOn shared = admin.addons().get(0);
        assertThat(shared.name()).isEqualTo("postgresql-acme-shop-primary");
        assertThat(shared.billingApp()).isEqualTo("acme-shop");
        assertThat(shared.attachedTo()).containsExactly("acme-admin", "acme-shop");
        assertThat(shared.postgres().numBytes()).isEqualTo(2254857830L);

        // The shop: Sidekiq Redis with Data API facts, SendGrid, ACM domains with their certificate,
        // preboot, a webhook, a release phase and a recent failed release, buildpacks and Procfile.
        AppInventory shop = app(estate, "acme-shop");
        AddOn redis = shop.addons().stream()
                .filter(a -> a.service().equals("heroku-redis"))
                .findFirst()
                .orElseThrow();
        assertThat(redis.redis().maxmemoryPolicy()).isEqualTo("noeviction");
        assertThat(redis.redis().tls()).isTrue();
        assertThat(redis.configVars()).containsExactly("REDIS_URL");
        assertThat(shop.addons()).extracting(AddOn::service).contains("sendgrid");
        assertThat(shop.acm()).isTrue();
        assertThat(shop.domains())
                .extracting(d -> d.hostname() + " " + d.kind() + " " + d.acmStatus() + " " + d.sniEndpoint())
                .contains(
                        "www.acme-shop.example custom cert issued acme-shop-acm",
                        "acme-shop.herokuapp.com heroku null null");
        assertThat(shop.sniEndpoints()).singleElement().satisfies(c -> {
            assertThat(c.expiresAt()).hasToString("2025-07-30T00:00:00Z");
            assertThat(c.commonNames()).contains("shop.acme.example");
        });
        assertThat(shop.features()).contains("preboot");
        assertThat(shop.webhooks())
                .singleElement()
                .satisfies(w -> assertThat(w.host()).isEqualTo("hooks.acme.example"));
        assertThat(shop.release().version()).isEqualTo(42);
        assertThat(shop.release().releasePhase()).isTrue();
        assertThat(shop.release().recentFailures())
                .singleElement()
                .satisfies(f -> assertThat(f.version()).isEqualTo(41));
        assertThat(shop.buildpacks()).containsExactly("heroku/nodejs", "heroku/ruby");
        assertThat(shop.procfile()).containsEntry("release", "bundle exec rails db:migrate");
        assertThat(shop.collaborators()).extracting(c -> c.email()).contains("dev@acme.example");

        // The API in a pipeline, its Postgres over 10 GB with a follower, Papertrail's drain.
        AppInventory api = app(estate, "acme-api");
        assertThat(api.pipeline().stage()).isEqualTo("production");
        assertThat(app(estate, "acme-api-staging").pipeline().stage()).isEqualTo("staging");
        assertThat(estate.pipelines())
                .singleElement()
                .satisfies(p -> assertThat(p.couplings())
                        .extracting(c -> c.app() + ":" + c.stage())
                        .containsExactly("acme-api:production", "acme-api-staging:staging"));
        AddOn big = api.addons().stream()
                .filter(a -> a.name().equals("postgresql-acme-api-primary"))
                .findFirst()
                .orElseThrow();
        assertThat(big.postgres().numBytes()).isGreaterThan(10L * 1024 * 1024 * 1024);
        assertThat(big.postgres().followers()).containsExactly("postgresql-acme-api-follower");
        assertThat(api.addons())
                .extracting(AddOn::attachmentName)
                .contains("DATABASE", "HEROKU_POSTGRESQL_CHARCOAL", "PAPERTRAIL");
        assertThat(api.logDrains()).singleElement().satisfies(d -> {
            assertThat(d.addon()).isEqualTo("papertrail-acme-api");
            assertThat(d.host()).isEqualTo("logs7.papertrailapp.com");
        });
        assertThat(api.team()).isEqualTo("acme");

        // The payments app in a Shield Private Space with its network.
        AppInventory payments = app(estate, "acme-payments");
        assertThat(payments.space()).isEqualTo("acme-shield");
        assertThat(estate.spaces()).singleElement().satisfies(s -> {
            assertThat(s.shield()).isTrue();
            assertThat(s.trustedIpRanges()).containsExactly("203.0.113.0/24", "198.51.100.10/32");
            assertThat(s.natOutboundIps()).containsExactly("52.1.2.3", "52.1.2.4");
            assertThat(s.peerings()).extracting(p -> p.pcxId()).containsExactly("pcx-0a1b2c3d4e5f");
            assertThat(s.vpnConnections()).extracting(v -> v.name()).containsExactly("office");
        });
        assertThat(estate.dynoSizes()).extracting(d -> d.name().toLowerCase()).contains("standard-1x", "shield-m");

        // The REST view: everything, secrets as names and fingerprints, URLs as hosts.
        String view = given().get("/api/discoveries/" + id + "/apps/acme-api")
                .then()
                .statusCode(200)
                .body("pipeline.pipelineName", equalTo("acme-api"))
                .body("logDrains[0].host", equalTo("logs7.papertrailapp.com"))
                .body("logDrains[0].urlFingerprint", containsString("fp:"))
                .body("release.releasePhase", equalTo(true))
                .body(
                        "addons.find { it.name == 'postgresql-acme-api-primary' }.postgres.numBytes",
                        equalTo(15569256448L))
                .body("addons.find { it.name == 'postgresql-acme-api-primary' }.tier", equalTo("standard"))
                .extract()
                .asString();
        assertThat(view).doesNotContain("syslog+tls://");
        given().get("/api/discoveries/" + id + "/apps/acme-shop")
                .then()
                .statusCode(200)
                .body("addons.find { it.name == 'postgresql-acme-shop-primary' }.tier", equalTo("standard"))
                .body("addons.find { it.name == 'redis-acme-shop-queue' }.tier", equalTo("premium"))
                .body("addons.find { it.name == 'redis-acme-shop-queue' }.plan", equalTo("heroku-redis:premium-0"))
                .body("addons.find { it.name == 'sendgrid-acme-shop-mail' }", hasKey("tier"))
                .body("addons.find { it.name == 'sendgrid-acme-shop-mail' }.tier", nullValue())
                .body("webhooks[0].host", equalTo("hooks.acme.example"))
                .body("release.recentFailures[0].version", equalTo(41))
                .body("features", org.hamcrest.Matchers.hasItem("preboot"));
        String everything = given().get("/api/discoveries/" + id).asString()
                + String.join(
                        "\n",
                        new EventProbe(bootstrap)
                                .records(Topics.INVENTORY).stream()
                                        .map(r -> r.value())
                                        .toList());
        assertThat(everything).doesNotContain(SECRETS);
        assertThat(everything).doesNotContain("hooks.acme.example/heroku/releases");
    }

    @Test
    void theEstateReadShowsTeamsSpacesPipelinesAndDynoSizesWithoutSecretsAndSurvivesARebuild() {
        String id = Discoveries.start("{\"scope\": \"account\"}");
        assertThat(Discoveries.awaitEnd(id).getString("phase")).isEqualTo("completed");

        String estate = given().get("/api/discoveries/" + id + "/estate")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("discoveryId", equalTo(id))
                .body("teams.name", equalTo(List.of("acme")))
                // The Shield space acme-payments runs in, with its whole network.
                .body("spaces.size()", equalTo(1))
                .body("spaces[0].name", equalTo("acme-shield"))
                .body("spaces[0].team", equalTo("acme"))
                .body("spaces[0].region", equalTo("virginia"))
                .body("spaces[0].shield", equalTo(true))
                .body("spaces[0].trustedIpRanges", equalTo(List.of("203.0.113.0/24", "198.51.100.10/32")))
                .body("spaces[0].natOutboundIps", equalTo(List.of("52.1.2.3", "52.1.2.4")))
                .body("spaces[0].peerings.pcxId", equalTo(List.of("pcx-0a1b2c3d4e5f")))
                .body("spaces[0].peerings[0].cidrBlocks", equalTo(List.of("172.16.0.0/16")))
                .body("spaces[0].peerings[0].status", equalTo("active"))
                .body("spaces[0].vpnConnections.name", equalTo(List.of("office")))
                .body("spaces[0].vpnConnections[0].publicIp", equalTo("203.0.113.5"))
                .body("spaces[0].vpnConnections[0].routableCidrs", equalTo(List.of("192.168.0.0/16")))
                .body("spaces[0].vpnConnections[0]", not(hasKey("tunnels")))
                // The pipeline with its stages in the order a release moves through them.
                .body("pipelines.name", equalTo(List.of("acme-api")))
                .body("pipelines[0].stages.stage", equalTo(List.of("staging", "production")))
                .body("pipelines[0].stages.apps", equalTo(List.of(List.of("acme-api-staging"), List.of("acme-api"))))
                .extract()
                .asString();
        JsonPath sizes = JsonPath.from(estate);
        assertThat(sizes.getList("dynoSizes.name"))
                .containsExactlyInAnyOrder("standard-1X", "standard-2X", "performance-M", "shield-M");
        assertThat(sizes.getFloat("dynoSizes.find { it.name == 'shield-M' }.memoryGb"))
                .isEqualTo(2.5f);
        assertThat(sizes.getString("dynoSizes.find { it.name == 'shield-M' }.compute"))
                .isEqualTo("12x");
        assertThat(sizes.getFloat("dynoSizes.find { it.name == 'standard-2X' }.memoryGb"))
                .isEqualTo(1.0f);
        assertThat(sizes.getBoolean("dynoSizes.find { it.name == 'performance-M' }.dedicated"))
                .isTrue();
        assertThat(estate)
                .doesNotContain(SECRETS)
                .doesNotContainIgnoringCase("tunnel")
                .doesNotContainIgnoringCase("pre_shared_key")
                .doesNotContain("52.5.6.7");

        // The projection is rebuilt from the events to the same estate.
        given().post("/api/admin/projection/rebuild").then().statusCode(200);
        assertThat(given().get("/api/discoveries/" + id + "/estate")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo(estate);
        given().get("/api/discoveries/no-such-discovery/estate")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no-such-discovery"));
    }

    @Test
    void aTeamScopeReadsOnlyThatTeamsApps() {
        String id = Discoveries.start("{\"scope\": \"team\", \"team\": \"acme\"}");
        assertThat(Discoveries.awaitEnd(id).getString("phase")).isEqualTo("completed");
        List<CloudEvent> events = eventsOf(id);
        assertThat(((DiscoveryStarted) events.get(0).data()).team()).isEqualTo("acme");
        EstateDiscovered estate = (EstateDiscovered) events.get(1).data();
        assertThat(estate.apps())
                .extracting(AppInventory::name)
                .containsExactlyInAnyOrder("acme-api-staging", "acme-api", "acme-payments");
        given().get("/api/discoveries/" + id)
                .then()
                .body("discovery.scope", equalTo("team"))
                .body("discovery.team", equalTo("acme"))
                .body("apps.size()", equalTo(3));
    }

    @Test
    void anUnknownTeamOrATeamOfAnotherAccountIsRefusedAndNothingIsAppended() {
        int before = new EventProbe(bootstrap).records(Topics.INVENTORY).size();
        for (String team : List.of("initech", "globex")) {
            given().contentType("application/json")
                    .body("{\"scope\": \"team\", \"team\": \"" + team + "\"}")
                    .post("/api/discoveries")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", containsString("no team named '" + team + "'"));
        }
        given().contentType("application/json")
                .body("{\"scope\": \"team\"}")
                .post("/api/discoveries")
                .then()
                .statusCode(400)
                .body("detail", containsString("needs a Heroku team name"));
        assertThat(new EventProbe(bootstrap).records(Topics.INVENTORY)).hasSize(before);
    }

    @Test
    void aTokenHerokuRefusesFailsAtOnceNamingTheCause() {
        given().baseUri(heroku)
                .contentType("application/json")
                .body("{\"path_prefix\": \"/account\", \"status\": 401, \"count\": 1}")
                .post("/_simulator/faults")
                .then()
                .statusCode(200);
        String detail = given().contentType("application/json")
                .body("{\"scope\": \"account\"}")
                .post("/api/discoveries")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("detail", containsString("401"))
                .body("detail", containsString("GET /account"))
                .extract()
                .path("detail");
        String id = detail.replaceFirst("(?s)^Discovery (\\S+) failed.*$", "$1");
        List<CloudEvent> events = eventsOf(id);
        assertThat(events)
                .extracting(CloudEvent::type)
                .containsExactly("ferry.inventory.discovery-started.v1", "ferry.inventory.discovery-failed.v1");
        DiscoveryFailed failed = (DiscoveryFailed) events.get(1).data();
        assertThat(failed.status()).isEqualTo(401);
        assertThat(failed.endpoint()).isEqualTo("GET /account");
        assertThat(failed.reason()).contains("refused the configured token");
    }

    @Test
    void aTruncatedAnswerFailsTheDiscoveryAndNoSnapshotIsRecorded() {
        given().baseUri(heroku)
                .contentType("application/json")
                .body("{\"path_prefix\": \"/apps/acme-api/log-drains\", \"truncate\": true}")
                .post("/_simulator/faults")
                .then()
                .statusCode(200);
        String id = Discoveries.start("{\"scope\": \"account\"}");
        JsonPath progress = Discoveries.awaitEnd(id);
        assertThat(progress.getString("phase")).isEqualTo("failed");
        assertThat(progress.getString("failure")).contains("acme-api").contains("not valid JSON");
        List<CloudEvent> events = eventsOf(id);
        assertThat(events)
                .extracting(CloudEvent::type)
                .containsExactly("ferry.inventory.discovery-started.v1", "ferry.inventory.discovery-failed.v1");
        DiscoveryFailed failed = (DiscoveryFailed) events.get(1).data();
        assertThat(failed.app()).isEqualTo("acme-api");
        assertThat(failed.endpoint()).isEqualTo("GET /apps/acme-api/log-drains");
        assertThat(failed.status()).isEqualTo(200);
        given().get("/api/discoveries/" + id)
                .then()
                .body("discovery.status", equalTo("failed"))
                .body("apps.size()", equalTo(0));
        given().get("/api/discoveries/" + id + "/estate")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("Discovery " + id + " is failed"));
    }

    @Test
    void progressStreamsAsServerSentEventsUntilTheEnd() {
        given().baseUri(heroku)
                .contentType("application/json")
                .body("{\"path_prefix\": \"/apps/\", \"latency_ms\": 150, \"count\": 40}")
                .post("/_simulator/faults")
                .then()
                .statusCode(200);
        String id = Discoveries.start("{\"scope\": \"account\"}");
        String stream = given().accept("text/event-stream")
                .get("/api/discoveries/" + id + "/events")
                .then()
                .statusCode(200)
                .contentType(containsString("text/event-stream"))
                .extract()
                .asString();
        List<JsonPath> events = Arrays.stream(stream.split("\n"))
                .filter(line -> line.startsWith("data:"))
                .map(line -> JsonPath.from(line.substring("data:".length())))
                .toList();
        assertThat(events.size()).as(stream).isGreaterThanOrEqualTo(3);
        assertThat(events.get(events.size() - 1).getString("phase")).isEqualTo("completed");
        assertThat(events.get(events.size() - 1).getInt("appsDone")).isEqualTo(5);
        assertThat(events).extracting(e -> e.getString("phase")).contains("apps");
        assertThat(events.stream().map(e -> e.getLong("calls")).toList()).isSorted();
        // Once it ended, both answers come from the projection.
        Discoveries.awaitEnd(id);
        given().get("/api/discoveries/" + id + "/progress")
                .then()
                .body("source", equalTo("projection"))
                .body("phase", equalTo("completed"));
        given().accept("text/event-stream")
                .get("/api/discoveries/" + id + "/events")
                .then()
                .body(containsString("\"source\":\"projection\""));
        given().get("/api/discoveries/nope/progress").then().statusCode(404);
    }
}

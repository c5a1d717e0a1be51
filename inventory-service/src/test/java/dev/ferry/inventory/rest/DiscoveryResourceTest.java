package dev.ferry.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.inventory.DiscoveryStarted;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.inventory.InventoryTestResources;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import dev.ferry.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

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
class DiscoveryResourceTest {
    private static final List<String> SEEDED_SECRETS = List.of(
            "FAKE-db-password-1234", "FAKE-secret-key-base-7f3a9c", "FAKE-sendgrid-key-0001", "FAKE-redis-pass");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void discoversAnAppAppendsItsInventoryAndProjectsIt() {
        // The requester is the token's user: a requestedBy field in the body is ignored.
        String id = given().auth()
                .oauth2(Tokens.of("operator"))
                .contentType("application/json")
                .body("{\"apps\": [\"acme-shop\"], \"requestedBy\": \"mallory\"}")
                .post("/api/discoveries")
                .then()
                .statusCode(202)
                .header("Location", containsString("/api/discoveries/"))
                .body("status", equalTo("running"))
                .body("apps", equalTo(1))
                .body("progress", containsString("/progress"))
                .body("events", containsString("/events"))
                .extract()
                .path("discoveryId");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/discoveries/" + id)
                        .then()
                        .statusCode(200)
                        .body("discovery.status", equalTo("completed")));

        String body = given().get("/api/discoveries/" + id)
                .then()
                .statusCode(200)
                .body("discovery.requestedBy", equalTo("operator"))
                .body("discovery.accountEmail", equalTo("platform@acme.example"))
                .body("apps[0].name", equalTo("acme-shop"))
                .body("apps[0].formation.type", hasItems("web", "worker", "release"))
                .body("apps[0].configVars.name", hasItems("DATABASE_URL", "SECRET_KEY_BASE", "RAILS_ENV"))
                .body("apps[0].addons.service", hasItems("heroku-postgresql"))
                .extract()
                .asString();
        List<String> fingerprints = JsonPath.from(body).getList("apps[0].configVars.fingerprint");
        assertThat(fingerprints).isNotEmpty().allSatisfy(fp -> assertThat(fp).matches("fp:[0-9a-f]{12}"));
        assertThat(body).doesNotContain(SEEDED_SECRETS);

        List<CloudEvent> events = new EventProbe(bootstrap)
                .readAll(Topics.INVENTORY).stream()
                        .filter(e -> e.subject().equals(id))
                        .toList();
        assertThat(events)
                .extracting(CloudEvent::type)
                .containsExactly("ferry.inventory.discovery-started.v1", "ferry.inventory.estate-discovered.v1");
        assertThat(((DiscoveryStarted) events.get(0).data()).apps()).containsExactly("acme-shop");
        assertThat(((DiscoveryStarted) events.get(0).data()).requestedBy()).isEqualTo("operator");
        EstateDiscovered discovered = (EstateDiscovered) events.get(1).data();
        assertThat(discovered.requestedBy()).isEqualTo("operator");
        assertThat(discovered.apps().get(0).configVars())
                .extracting(v -> v.name())
                .contains("SECRET_KEY_BASE");
        String raw = String.join(
                "\n",
                new EventProbe(bootstrap)
                        .records(Topics.INVENTORY).stream().map(r -> r.value()).toList());
        assertThat(raw)
                .contains("SECRET_KEY_BASE")
                .doesNotContain(SEEDED_SECRETS)
                .doesNotContain("mallory");
    }

    @Test
    void readsOneAppsInventory() {
        String id = given().contentType("application/json")
                .body("{\"apps\": [\"acme-admin\"]}")
                .post("/api/discoveries")
                .then()
                .statusCode(202)
                .extract()
                .path("discoveryId");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/discoveries/" + id + "/apps/acme-admin")
                        .then()
                        .statusCode(200)
                        .body("name", equalTo("acme-admin"))
                        .body("formation.type", hasItems("web")));
        given().get("/api/discoveries/" + id + "/apps/acme-shop")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no app named acme-shop"));
    }

    @Test
    void anUnknownAppIsRefusedAndNothingIsAppended() {
        int before = new EventProbe(bootstrap).records(Topics.INVENTORY).size();
        given().contentType("application/json")
                .body("{\"apps\": [\"acme-shop\", \"no-such-app\"]}")
                .post("/api/discoveries")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("Heroku has no app named 'no-such-app' that this token can see"));
        // Every unknown app is named, not only the first to answer.
        given().contentType("application/json")
                .body("{\"apps\": [\"no-such-app\", \"acme-shop\", \"nor-this-one\"]}")
                .post("/api/discoveries")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/discoveries"))
                .body(
                        "detail",
                        equalTo("Heroku has no apps named 'no-such-app', 'nor-this-one' that this token can see"));
        assertThat(new EventProbe(bootstrap).records(Topics.INVENTORY)).hasSize(before);
    }

    @Test
    void badInputGetsAProblemAndChangesNothing() {
        int before = new EventProbe(bootstrap).records(Topics.INVENTORY).size();
        given().contentType("application/json")
                .body("{\"apps\": [")
                .post("/api/discoveries")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"))
                .body(org.hamcrest.Matchers.not(containsString("at ")));
        given().contentType("text/plain")
                .body("acme-shop")
                .post("/api/discoveries")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("application/json"));
        given().contentType("application/json")
                .body("{\"apps\": [\"Not An App!\"]}")
                .post("/api/discoveries")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("is not a Heroku app name"));
        given().contentType("application/json")
                .body("{\"scope\": \"galaxy\"}")
                .post("/api/discoveries")
                .then()
                .statusCode(400)
                .body("detail", containsString("scope must be"));
        given().get("/api/discoveries/does-not-exist").then().statusCode(404).contentType("application/problem+json");
        assertThat(new EventProbe(bootstrap).records(Topics.INVENTORY)).hasSize(before);
    }

    @Test
    void replayingTheTopicRebuildsTheSameState() {
        String id = given().contentType("application/json")
                .body("{\"scope\": \"account\"}")
                .post("/api/discoveries")
                .then()
                .statusCode(202)
                .extract()
                .path("discoveryId");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/discoveries/" + id)
                        .then()
                        .statusCode(200)
                        .body("discovery.status", equalTo("completed")));
        String before =
                given().get("/api/discoveries").then().statusCode(200).extract().asString();
        String detailBefore =
                given().get("/api/discoveries/" + id).then().extract().asString();

        given().post("/api/admin/projection/rebuild")
                .then()
                .statusCode(200)
                .body(
                        "eventsApplied",
                        equalTo(JsonPath.from(given().post("/api/admin/projection/rebuild")
                                        .asString())
                                .getInt("eventsApplied")));

        assertThat(given().get("/api/discoveries")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo(before);
        assertThat(given().get("/api/discoveries/" + id).then().extract().asString())
                .isEqualTo(detailBefore);
    }
}

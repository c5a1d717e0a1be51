package dev.ferry.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.inventory.Discoveries;
import dev.ferry.inventory.InventoryTestResources;
import dev.ferry.inventory.client.CallStats;
import dev.ferry.inventory.client.HerokuClient;
import dev.ferry.inventory.client.HerokuDtos;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With pages of two items, every list of the demo estate spans several pages: the client follows
 * {@code Next-Range} to the last page, whether Heroku answers a page that has more after it with 206
 * or with 200, and reads every item once.
 */
@QuarkusTest
@AsUser("everyone")
@TestProfile(HerokuPaginationTest.SmallPages.class)
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
class HerokuPaginationTest {

    /** Two items a page: the demo account's five apps take three pages. */
    public static class SmallPages implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("inventory.heroku.page-size", "2");
        }
    }

    @ConfigProperty(name = InventoryTestResources.HEROKU_URL_PROPERTY)
    String heroku;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    HerokuClient client;

    @BeforeEach
    void resetSimulator() {
        given().baseUri(heroku).post("/_simulator/reset").then().statusCode(200);
    }

    @Test
    void partialPagesAnswered206AreFollowedToTheLastPage() {
        CallStats stats = new CallStats();
        List<HerokuDtos.App> apps = client.teamApps("acme", stats).await().atMost(Duration.ofSeconds(30));

        assertThat(apps)
                .extracting(HerokuDtos.App::name)
                .containsExactlyInAnyOrder("acme-api-staging", "acme-api", "acme-payments")
                .doesNotHaveDuplicates();
        assertThat(stats.calls()).isEqualTo(2);
        Map<String, Integer> calls = requests();
        assertThat(calls.keySet().stream().filter(k -> k.startsWith("GET /teams/acme/apps ")))
                .as("a first page answered 206 with Next-Range, the last one 200: %s", calls)
                .containsExactly("GET /teams/acme/apps 200", "GET /teams/acme/apps 206");
        assertThat(calls).containsEntry("GET /teams/acme/apps 206", 1).containsEntry("GET /teams/acme/apps 200", 1);
    }

    @Test
    void partialPagesAnswered200WithNextRangeAreFollowedTooAndTheDiscoveryReadsEverything() {
        // Heroku may send Next-Range with a 200: every partial page below is answered so.
        given().baseUri(heroku)
                .contentType("application/json")
                .body("{\"path_prefix\": \"/\", \"partial_as_200\": true}")
                .post("/_simulator/faults")
                .then()
                .statusCode(200);

        String id = Discoveries.start("{\"scope\": \"account\"}");
        assertThat(Discoveries.awaitEnd(id).getString("phase")).isEqualTo("completed");

        EstateDiscovered estate = new EventProbe(bootstrap)
                .readAll(Topics.INVENTORY).stream()
                        .map(CloudEvent::data)
                        .filter(d -> d instanceof EstateDiscovered e
                                && e.discoveryId().equals(id))
                        .map(EstateDiscovered.class::cast)
                        .findFirst()
                        .orElseThrow();
        assertThat(estate.apps())
                .extracting(AppInventory::name)
                .containsExactlyInAnyOrder("acme-shop", "acme-admin", "acme-api-staging", "acme-api", "acme-payments");
        // The account's add-ons (8) and attachments (9) take four and five pages; every one arrived.
        assertThat(estate.apps().stream().flatMap(a -> a.addons().stream()))
                .extracting(AddOn::name)
                .containsExactlyInAnyOrder(
                        "postgresql-acme-shop-primary",
                        "redis-acme-shop-queue",
                        "sendgrid-acme-shop-mail",
                        "postgresql-acme-shop-primary",
                        "postgresql-acme-api-staging",
                        "postgresql-acme-api-primary",
                        "postgresql-acme-api-follower",
                        "papertrail-acme-api",
                        "postgresql-acme-payments");
        AppInventory shop = estate.apps().stream()
                .filter(a -> a.name().equals("acme-shop"))
                .findFirst()
                .orElseThrow();
        assertThat(shop.formation()).extracting(p -> p.type()).containsExactly("release", "web", "worker");

        Map<String, Integer> calls = requests();
        assertThat(calls)
                .as("three pages of apps, each answered 200: %s", calls)
                .containsEntry("GET /apps 200", 3)
                .doesNotContainKey("GET /apps 206");
        assertThat(calls.keySet()).as("no page was answered 206").noneMatch(k -> k.endsWith(" 206"));
        assertThat(calls)
                .containsEntry("GET /addons 200", 4)
                .containsEntry("GET /addon-attachments 200", 5)
                .containsEntry("GET /apps/acme-shop/formation 200", 2);
    }

    /** Simulator request counts keyed {@code "GET /path status"}. */
    private Map<String, Integer> requests() {
        List<Map<String, Object>> rows = JsonPath.from(
                        given().baseUri(heroku).get("/_simulator/requests").asString())
                .getList("requests");
        Map<String, Integer> counts = new TreeMap<>();
        rows.forEach(r -> counts.merge(
                r.get("method") + " " + r.get("path") + " " + r.get("status"), (Integer) r.get("count"), Integer::sum));
        return counts;
    }
}

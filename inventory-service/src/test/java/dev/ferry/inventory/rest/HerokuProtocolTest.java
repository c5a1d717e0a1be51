package dev.ferry.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.Topics;
import dev.ferry.inventory.InventoryTestResources;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery against a misbehaving Heroku: injected 5xx and 429 answers are retried or backed off,
 * persistent 5xx fail the discovery, and re-scans are answered 304 from the ETags kept. Shares the
 * resource set of {@link DiscoveryResourceTest}, so both run in one application.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = InventoryTestResources.DATABASE))
@WithTestResource(
        value = SimulatorResource.class,
        initArgs = {
            @ResourceArg(name = "module", value = InventoryTestResources.HEROKU_MODULE),
            @ResourceArg(name = "property", value = InventoryTestResources.HEROKU_URL_PROPERTY)
        })
class HerokuProtocolTest {
    private static final String ACME_SHOP_ID = "cf015d39-5dd7-482f-ab2b-db60d75085ea";

    @ConfigProperty(name = InventoryTestResources.HEROKU_URL_PROPERTY)
    String heroku;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    @AfterEach
    void resetSimulator() {
        given().baseUri(heroku).post("/_simulator/reset").then().statusCode(200);
    }

    private void fault(String json) {
        given().baseUri(heroku)
                .contentType("application/json")
                .body(json)
                .post("/_simulator/faults")
                .then()
                .statusCode(200);
    }

    /** Simulator request counts keyed {@code "GET /path status"}. */
    private Map<String, Integer> requests() {
        List<Map<String, Object>> rows = JsonPath.from(
                        given().baseUri(heroku).get("/_simulator/requests").asString())
                .getList("requests");
        Map<String, Integer> counts = new java.util.TreeMap<>();
        rows.forEach(r -> counts.merge(
                r.get("method") + " " + r.get("path") + " " + r.get("status"), (Integer) r.get("count"), Integer::sum));
        return counts;
    }

    private static int sum(Map<String, Integer> counts, java.util.function.Predicate<String> key) {
        return counts.entrySet().stream()
                .filter(e -> key.test(e.getKey()))
                .mapToInt(Map.Entry::getValue)
                .sum();
    }

    @Test
    void aDiscoverySurvivesInjected503sAnd429sAndCompletes() {
        fault("{\"path_prefix\": \"/apps/" + ACME_SHOP_ID + "/config-vars\", \"status\": 503, \"count\": 2}");
        fault("{\"path_prefix\": \"/apps/" + ACME_SHOP_ID + "/formation\", \"status\": 429, \"count\": 2}");
        fault("{\"path_prefix\": \"/apps/" + ACME_SHOP_ID + "/addons\", \"latency_ms\": 300, \"count\": 1}");

        given().contentType("application/json")
                .body("{\"apps\": [\"acme-shop\", \"acme-admin\"], \"requestedBy\": \"retry-test\"}")
                .post("/api/discoveries")
                .then()
                .statusCode(202)
                .body("status", equalTo("completed"))
                .body("apps", equalTo(2));

        Map<String, Integer> counts = requests();
        String shop = "GET /apps/" + ACME_SHOP_ID;
        assertThat(counts).containsEntry(shop + "/config-vars 503", 2).containsEntry(shop + "/formation 429", 2);
        assertThat(sum(counts, k -> k.startsWith(shop + "/addons "))).isEqualTo(1);
        assertThat(sum(counts, k -> k.startsWith(shop + "/config-vars ") && !k.endsWith(" 503")))
                .as("config vars read once they came back")
                .isEqualTo(1);
        assertThat(sum(counts, k -> k.startsWith(shop + "/formation ") && !k.endsWith(" 429")))
                .isEqualTo(1);
        assertThat(sum(counts, k -> k.startsWith("GET /account/rate-limits ")))
                .as("the 429s made the pacer check the real count, which is free")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aServerErrorThatLastsFailsTheDiscoveryAfterBoundedRetries() {
        fault("{\"path_prefix\": \"/apps/" + ACME_SHOP_ID + "/config-vars\", \"status\": 503}");
        int before = new EventProbe(bootstrap).records(Topics.INVENTORY).size();

        String detail = given().contentType("application/json")
                .body("{\"apps\": [\"acme-shop\"]}")
                .post("/api/discoveries")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("detail", containsString("503"))
                .extract()
                .path("detail");
        String id = detail.replaceFirst("(?s)^Discovery (\\S+) failed.*$", "$1");

        assertThat(requests()).containsEntry("GET /apps/" + ACME_SHOP_ID + "/config-vars 503", 4);
        assertThat(new EventProbe(bootstrap).records(Topics.INVENTORY)).hasSize(before + 2);
        List<CloudEvent> appended = new EventProbe(bootstrap)
                .readAll(Topics.INVENTORY).stream()
                        .filter(e -> e.subject().equals(id))
                        .toList();
        assertThat(appended)
                .extracting(CloudEvent::type)
                .containsExactly("ferry.inventory.discovery-started.v1", "ferry.inventory.discovery-failed.v1");
    }

    @Test
    void aRescanIsAnswered304ForEveryUnchangedResource() {
        String body = "{\"scope\": \"account\"}";
        given().contentType("application/json")
                .body(body)
                .post("/api/discoveries")
                .then()
                .statusCode(202);
        given().baseUri(heroku).post("/_simulator/reset").then().statusCode(200);

        given().contentType("application/json")
                .body(body)
                .post("/api/discoveries")
                .then()
                .statusCode(202)
                .body("apps", equalTo(2));

        Map<String, Integer> counts = requests();
        int charged = sum(counts, k -> !k.startsWith("GET /account/rate-limits "));
        int notModified = sum(counts, k -> k.endsWith(" 304"));
        // account, apps, and formation, config vars and add-ons of both apps
        assertThat(charged).isEqualTo(8);
        assertThat(notModified).as("every call of the re-scan: %s", counts).isEqualTo(charged);
    }
}

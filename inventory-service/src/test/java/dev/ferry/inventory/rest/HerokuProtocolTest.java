package dev.ferry.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.Topics;
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
class HerokuProtocolTest {
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
        fault("{\"path_prefix\": \"/apps/acme-shop/config-vars\", \"status\": 503, \"count\": 2}");
        fault("{\"path_prefix\": \"/apps/acme-shop/formation\", \"status\": 429, \"count\": 2}");
        fault("{\"path_prefix\": \"/apps/acme-shop/domains\", \"latency_ms\": 300, \"count\": 1}");
        String metricsBefore = given().get("/q/metrics").asString();

        String id = Discoveries.start("{\"apps\": [\"acme-shop\", \"acme-admin\"]}");
        JsonPath progress = Discoveries.awaitEnd(id);
        assertThat(progress.getString("phase")).isEqualTo("completed");
        assertThat(progress.getInt("appsDone")).isEqualTo(2);
        assertThat(progress.getInt("rateLimited")).isEqualTo(2);

        Map<String, Integer> counts = requests();
        String shop = "GET /apps/acme-shop";
        assertThat(counts).containsEntry(shop + "/config-vars 503", 2).containsEntry(shop + "/formation 429", 2);
        assertThat(sum(counts, k -> k.startsWith(shop + "/domains "))).isEqualTo(1);
        assertThat(sum(counts, k -> k.startsWith(shop + "/config-vars ") && !k.endsWith(" 503")))
                .as("config vars read once they came back")
                .isEqualTo(1);
        assertThat(sum(counts, k -> k.startsWith(shop + "/formation ") && !k.endsWith(" 429")))
                .isEqualTo(1);
        assertThat(sum(counts, k -> k.startsWith("GET /account/rate-limits ")))
                .as("the 429s made the pacer check the real count, which is free")
                .isGreaterThanOrEqualTo(1);

        // The same story on /q/metrics: the two 429s, the 503s among the calls, the account's headroom.
        String metricsAfter = given().get("/q/metrics").asString();
        assertThat(metric(metricsAfter, "ferry_inventory_heroku_rate_limited_total")
                        - metric(metricsBefore, "ferry_inventory_heroku_rate_limited_total"))
                .isEqualTo(2);
        assertThat(metric(metricsAfter, "ferry_inventory_heroku_calls_total{status=\"4xx\"}")
                        - metric(metricsBefore, "ferry_inventory_heroku_calls_total{status=\"4xx\"}"))
                .isGreaterThanOrEqualTo(2);
        assertThat(metric(metricsAfter, "ferry_inventory_heroku_calls_total{status=\"5xx\"}")
                        - metric(metricsBefore, "ferry_inventory_heroku_calls_total{status=\"5xx\"}"))
                .isEqualTo(2);
        double calls = metric(metricsAfter, "ferry_inventory_heroku_calls_total{status=\"2xx\"}")
                - metric(metricsBefore, "ferry_inventory_heroku_calls_total{status=\"2xx\"}");
        assertThat(calls)
                .isGreaterThanOrEqualTo(sum(counts, k -> k.endsWith(" 200") || k.endsWith(" 206"))
                        - sum(counts, k -> k.startsWith("GET /account/rate-limits ")));
        // The last RateLimit-Remaining any answer carried; the injected 429s carry 0, and which answer
        // came last depends on timing, so only its presence and range are certain.
        assertThat(metricsAfter).containsPattern("(?m)^ferry_inventory_heroku_ratelimit_remaining [0-9]");
        assertThat(metric(metricsAfter, "ferry_inventory_heroku_ratelimit_remaining"))
                .isBetween(0.0, 4500.0);
        assertThat(metricsAfter).doesNotContain("acme-shop");
    }

    /** A series' value in a Prometheus or OpenMetrics scrape (an exemplar may follow it); 0 when absent. */
    private static double metric(String scrape, String series) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "^" + java.util.regex.Pattern.quote(series) + " ([0-9.E+-]+|NaN)( # .*)?$",
                        java.util.regex.Pattern.MULTILINE)
                .matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void aServerErrorThatLastsFailsTheDiscoveryAfterBoundedRetries() {
        fault("{\"path_prefix\": \"/apps/acme-shop/config-vars\", \"status\": 503}");
        int before = new EventProbe(bootstrap).records(Topics.INVENTORY).size();

        String id = Discoveries.start("{\"apps\": [\"acme-shop\"]}");
        Discoveries.awaitEnd(id);
        given().get("/api/discoveries/" + id)
                .then()
                .statusCode(200)
                .body("discovery.status", equalTo("failed"))
                .body("discovery.failureReason", containsString("503"))
                .body("discovery.failure.app", equalTo("acme-shop"))
                .body("discovery.failure.endpoint", equalTo("GET /apps/acme-shop/config-vars"))
                .body("discovery.failure.status", equalTo(503))
                .body("apps.size()", equalTo(0));

        assertThat(requests()).containsEntry("GET /apps/acme-shop/config-vars 503", 4);
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
        Discoveries.awaitEnd(Discoveries.start(body));
        given().baseUri(heroku).post("/_simulator/reset").then().statusCode(200);

        JsonPath rescan = Discoveries.awaitEnd(Discoveries.start(body));
        assertThat(rescan.getString("phase")).isEqualTo("completed");
        assertThat(rescan.getInt("appsTotal")).isEqualTo(5);

        Map<String, Integer> counts = requests();
        int sent = sum(counts, k -> !k.startsWith("GET /account/rate-limits "));
        int notModified = sum(counts, k -> k.endsWith(" 304"));
        assertThat(sent).isGreaterThan(40);
        assertThat(notModified).as("every call of the re-scan: %s", counts).isEqualTo(sent);
        assertThat(rescan.getLong("notModified")).isEqualTo(sent);
    }
}

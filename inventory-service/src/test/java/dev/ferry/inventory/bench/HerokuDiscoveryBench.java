package dev.ferry.inventory.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.common.messaging.EventLog;
import dev.ferry.events.EventIds;
import dev.ferry.events.inventory.DiscoveryStarted;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.inventory.InventoryTestResources;
import dev.ferry.inventory.client.CallStats;
import dev.ferry.inventory.config.InventoryConfig;
import dev.ferry.inventory.domain.DiscoveryRequest;
import dev.ferry.inventory.service.DiscoveryService;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: discovers a simulated account of 1,000 generated apps (plus the demo
 * estate's five) through the real {@link DiscoveryService#scan} (HerokuClient, pacer, retries,
 * ETag cache, account-wide lists, Data API), appends the full scan's snapshot to Kafka and waits for
 * the projection, then re-scans, and prints what it cost.
 * Run with {@code bench/heroku-discovery.sh} ({@code -Pbench}); excluded from the normal build.
 */
@QuarkusTest
@AsUser("everyone")
@TestProfile(BenchProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = InventoryTestResources.DATABASE))
@WithTestResource(
        value = SimulatorResource.class,
        initArgs = {
            @ResourceArg(name = "module", value = InventoryTestResources.HEROKU_MODULE),
            @ResourceArg(name = "property", value = InventoryTestResources.HEROKU_URL_PROPERTY),
            @ResourceArg(name = "sys.heroku-sim.generated-apps", value = BenchProfile.GENERATED_APPS),
            @ResourceArg(name = "sys.heroku-sim.rate-limit.capacity", value = BenchProfile.CAPACITY),
            @ResourceArg(name = "sys.heroku-sim.rate-limit.refill-per-minute", value = BenchProfile.REFILL_PER_MINUTE)
        })
class HerokuDiscoveryBench {
    private static final int INJECTED_503 = 20;
    private static final int INJECTED_429 = 10;
    /** The generated apps plus the five demo apps the token sees (the sixth belongs to another account). */
    private static final int VISIBLE_APPS = 1005;

    @Inject
    DiscoveryService discovery;

    @Inject
    InventoryConfig config;

    @Inject
    EventLog eventLog;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = InventoryTestResources.HEROKU_URL_PROPERTY)
    String heroku;

    /** One scan's numbers. */
    record Run(
            int apps, Duration wall, CallStats stats, Map<Integer, Long> serverStatuses, DiscoveryService.Scan scan) {}

    /** What appending the full scan's snapshot cost. */
    record Appended(String discoveryId, int jsonBytes, Duration appendWall, Duration projectedWall) {}

    @Test
    void discoverAThousandAppsThenRescan() throws IOException {
        int estateApps = given().baseUri(heroku)
                .post("/_simulator/reset")
                .then()
                .statusCode(200)
                .extract()
                .path("apps");
        fault("{\"path_prefix\": \"/apps/\", \"status\": 503, \"count\": " + INJECTED_503 + "}");
        fault("{\"path_prefix\": \"/apps/\", \"status\": 429, \"count\": " + INJECTED_429 + "}");

        Run full = scan();
        fullScanEndpoints = endpoints();
        Appended appended = append(full.scan());
        Run rescan = scan();

        String report = report(estateApps, full, rescan, appended);
        System.out.println(report);
        Path out = Path.of("target", "bench", "heroku-discovery.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);

        assertThat(full.apps()).isEqualTo(VISIBLE_APPS);
        assertThat(rescan.apps()).isEqualTo(VISIBLE_APPS);
    }

    /**
     * Appends the full scan as a real discovery (start, then the snapshot) and waits until the
     * projection shows it completed: proof the 1,000-app record fits the producer, topic and consumer.
     */
    private Appended append(DiscoveryService.Scan scan) throws IOException {
        String id = EventIds.random();
        EstateDiscovered snapshot = discovery.snapshot(id, "bench", scan);
        int bytes = mapper.writeValueAsBytes(snapshot).length;
        long start = System.nanoTime();
        eventLog.appendAll(List.of(new DiscoveryStarted(id, "account", List.of(), "bench", Instant.now()), snapshot))
                .await()
                .atMost(Duration.ofMinutes(2));
        Duration appendWall = Duration.ofNanos(System.nanoTime() - start);
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> given().get("/api/discoveries/" + id + "/progress")
                        .then()
                        .statusCode(200)
                        .body("phase", org.hamcrest.Matchers.equalTo("completed"))
                        .body("appsDone", org.hamcrest.Matchers.equalTo(VISIBLE_APPS)));
        return new Appended(id, bytes, appendWall, Duration.ofNanos(System.nanoTime() - start));
    }

    private Run scan() {
        Map<Integer, Long> before = statuses();
        CallStats stats = new CallStats();
        long start = System.nanoTime();
        DiscoveryService.Scan scan = discovery
                .scan(new DiscoveryRequest(DiscoveryRequest.ACCOUNT, List.of()), stats)
                .await()
                .atMost(Duration.ofMinutes(20));
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        Map<Integer, Long> after = statuses();
        Map<Integer, Long> delta = new HashMap<>();
        after.forEach((status, count) -> delta.put(status, count - before.getOrDefault(status, 0L)));
        return new Run(scan.apps().size(), wall, stats, delta, scan);
    }

    private String report(int estateApps, Run full, Run rescan, Appended appended) {
        InventoryConfig.Heroku h = config.heroku();
        StringBuilder out = new StringBuilder();
        out.append("== Heroku discovery benchmark ==\n");
        out.append(String.format(
                Locale.ROOT,
                "simulator: %s generated apps + 5 demo apps; bucket %s tokens, refilled %s/min; 304s take a token%n",
                BenchProfile.GENERATED_APPS,
                BenchProfile.CAPACITY,
                BenchProfile.REFILL_PER_MINUTE));
        out.append(String.format(
                Locale.ROOT,
                "client: parallelism %d apps, pacer %d tokens at %.0f/min keeping %d in reserve, "
                        + "%d attempts on 5xx, up to %d back-offs on 429%n",
                h.parallelism(),
                h.rateLimit().capacity(),
                h.rateLimit().refillPerMinute(),
                h.rateLimit().reserve(),
                h.retry().maxAttempts(),
                h.rateLimit().maxRetries()));
        out.append(String.format(
                Locale.ROOT,
                "faults injected before the full scan: %d x 503 and %d x 429 on /apps/*%n%n",
                INJECTED_503,
                INJECTED_429));
        out.append(String.format(Locale.ROOT, "%-34s %12s %12s%n", "", "full scan", "re-scan"));
        row(out, "apps read", full.apps(), rescan.apps());
        row(out, "failed apps", VISIBLE_APPS - full.apps(), VISIBLE_APPS - rescan.apps());
        out.append(String.format(
                Locale.ROOT,
                "%-34s %12.1f %12.1f%n",
                "wall time (s)",
                full.wall().toMillis() / 1000.0,
                rescan.wall().toMillis() / 1000.0));
        row(
                out,
                "Heroku API calls (client)",
                full.stats().calls(),
                rescan.stats().calls());
        out.append(String.format(
                Locale.ROOT,
                "%-34s %12.2f %12.2f%n",
                "calls per app",
                (double) full.stats().calls() / full.apps(),
                (double) rescan.stats().calls() / rescan.apps()));
        row(
                out,
                "answered 304 Not Modified",
                full.stats().notModified(),
                rescan.stats().notModified());
        out.append(String.format(
                Locale.ROOT,
                "%-34s %11.1f%% %11.1f%%%n",
                "share of calls answered 304",
                100.0 * full.stats().notModified() / full.stats().calls(),
                100.0 * rescan.stats().notModified() / rescan.stats().calls()));
        row(out, "429 answers", full.stats().rateLimited(), rescan.stats().rateLimited());
        row(
                out,
                "retries (after 429, 5xx, timeout)",
                full.stats().retries(),
                rescan.stats().retries());
        row(out, "pacer waits", full.stats().paced(), rescan.stats().paced());
        out.append(String.format(
                Locale.ROOT,
                "%-34s %12.1f %12.1f%n",
                "pacer wait, summed over requests (s)",
                full.stats().pacedMillis() / 1000.0,
                rescan.stats().pacedMillis() / 1000.0));
        row(
                out,
                "rate-limit checks (free)",
                full.stats().rateLimitChecks(),
                rescan.stats().rateLimitChecks());
        out.append(String.format(
                Locale.ROOT,
                "%-34s %12s %12s%n",
                "simulator answers by status",
                full.serverStatuses(),
                rescan.serverStatuses()));
        out.append(String.format(
                Locale.ROOT,
                "%nsnapshot of the full scan: %d apps, %.1f MB of JSON; appended (zstd, acks=all) in %.1f s,"
                        + " projected (%d app rows) %.1f s after the append started%n",
                full.apps(),
                appended.jsonBytes() / 1024.0 / 1024.0,
                appended.appendWall().toMillis() / 1000.0,
                full.apps(),
                appended.projectedWall().toMillis() / 1000.0));
        out.append(String.format(Locale.ROOT, "%nfull scan, calls by endpoint (simulator log, all statuses):%n"));
        fullScanEndpoints.forEach((endpoint, count) -> out.append(String.format(
                Locale.ROOT, "  %-44s %6d  %5.2f per app%n", endpoint, count, (double) count / full.apps())));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, long full, long rescan) {
        out.append(String.format(Locale.ROOT, "%-34s %12d %12d%n", label, full, rescan));
    }

    private void fault(String json) {
        given().baseUri(heroku)
                .contentType("application/json")
                .body(json)
                .post("/_simulator/faults")
                .then()
                .statusCode(200);
    }

    private Map<String, Long> fullScanEndpoints = Map.of();

    /** Requests since the reset, by endpoint with app, add-on and space names folded. */
    private Map<String, Long> endpoints() {
        List<Map<String, Object>> rows = JsonPath.from(
                        given().baseUri(heroku).get("/_simulator/requests").asString())
                .getList("requests");
        Map<String, Long> counts = new java.util.TreeMap<>();
        rows.forEach(r -> counts.merge(
                r.get("method") + " "
                        + ((String) r.get("path"))
                                .replaceAll("^/apps/[^/]+", "/apps/{app}")
                                .replaceAll("^/teams/[^/]+", "/teams/{team}")
                                .replaceAll("^/spaces/[^/]+", "/spaces/{space}")
                                .replaceAll("/databases/[^/]+", "/databases/{addon}"),
                ((Number) r.get("count")).longValue(),
                Long::sum));
        return counts;
    }

    private Map<Integer, Long> statuses() {
        List<Map<String, Object>> rows = JsonPath.from(
                        given().baseUri(heroku).get("/_simulator/requests").asString())
                .getList("requests");
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        rows.forEach(r -> counts.merge((Integer) r.get("status"), ((Number) r.get("count")).longValue(), Long::sum));
        return counts;
    }
}

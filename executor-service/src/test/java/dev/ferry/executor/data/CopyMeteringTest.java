package dev.ferry.executor.data;

import static dev.ferry.executor.data.postgres.TestPostgres.freshDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.executor.data.postgres.TestPostgres;
import dev.ferry.executor.data.redis.LocalRedis;
import dev.ferry.executor.step.StepContext;
import dev.ferry.executor.step.StepOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The copy meters count what real copies report, progress included, tagged by engine only. */
class CopyMeteringTest {
    private static final SecretBox BOX = SecretBox.of("k1", Base64.getEncoder().encodeToString(new byte[32]));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MapTargetDatabases targets = new MapTargetDatabases();
    private final DataSteps data = new DataSteps(
            BOX,
            targets,
            new DataSteps.Settings(Optional.empty(), 2, 2L << 20, "64MB", Duration.ofMillis(1), 100),
            registry);

    private static StepContext context(String type, Map<String, String> parameters, String sourceUrl) {
        PlanStep step = new PlanStep(
                "data:" + type,
                type,
                "Copy the data",
                "the app's data moves to Aptible",
                List.of(),
                parameters,
                Map.of("sourceUrl", BOX.seal(sourceUrl)));
        return new StepContext("mig-meter", "acme-production", step, Map.of());
    }

    @Test
    void aPostgresCopyAddsItsRowsAndBytesAndOneThroughputSample() {
        String source = TestPostgres.source("meter_src", 10_000);
        targets.put("shop-db", freshDatabase("meter_dst"));
        StepOutcome copied = new CopyPostgresStep(data, p -> {})
                .ensure(context(
                        "copy-postgres",
                        Map.of("sourceAddon", "pg-a", "targetDatabase", "shop-db", "strategy", "parallel-dump-restore"),
                        source))
                .await()
                .atMost(Duration.ofMinutes(3));

        long rows = Long.parseLong(copied.outputs().get("rows"));
        long bytes = Long.parseLong(copied.outputs().get("bytes"));
        assertThat(rows).isGreaterThan(10_000);
        assertThat(registry.get("ferry.executor.copy.rows")
                        .tag("engine", "postgres")
                        .counter()
                        .count())
                .isEqualTo(rows);
        assertThat(registry.get("ferry.executor.copy.bytes")
                        .tag("engine", "postgres")
                        .counter()
                        .count())
                .isEqualTo(bytes);
        var throughput = registry.get("ferry.executor.copy.throughput")
                .tag("engine", "postgres")
                .summary();
        assertThat(throughput.count()).isEqualTo(1);
        assertThat(throughput.totalAmount()).isPositive();
        assertThat(registry.getMeters())
                .allSatisfy(m -> assertThat(m.getId().getTags().toString()).doesNotContain("mig-meter", "shop-db"));
    }

    @Test
    void aRedisCopyCountsItsKeys() {
        try (LocalRedis from = LocalRedis.start();
                LocalRedis to = LocalRedis.start();
                Jedis jedis = from.client(0)) {
            for (int i = 0; i < 250; i++) {
                jedis.set("k" + i, "v" + i);
            }
            targets.put("shop-redis", to.url(0));
            new CopyRedisStep(data)
                    .ensure(context(
                            "copy-redis", Map.of("sourceAddon", "r", "targetDatabase", "shop-redis"), from.url(0)))
                    .await()
                    .atMost(Duration.ofMinutes(1));
            assertThat(registry.get("ferry.executor.copy.keys")
                            .tag("engine", "redis")
                            .counter()
                            .count())
                    .isEqualTo(250);
        }
    }
}

package dev.ferry.executor.data;

import static dev.ferry.executor.data.postgres.TestPostgres.execute;
import static dev.ferry.executor.data.postgres.TestPostgres.freshDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.events.migration.StepProgress;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.executor.data.postgres.TestPostgres;
import dev.ferry.executor.data.redis.LocalRedis;
import dev.ferry.executor.step.StepContext;
import dev.ferry.executor.step.StepException;
import dev.ferry.executor.step.StepOutcome;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The copy-postgres, verify-postgres and copy-redis handlers as the step engine calls them: sealed
 * source URL, target found by handle, progress as StepProgress events, failures as StepExceptions.
 */
class DataStepsTest {
    private static final SecretBox BOX = SecretBox.of("k1", Base64.getEncoder().encodeToString(new byte[32]));

    private static String source;
    private final MapTargetDatabases targets = new MapTargetDatabases();
    private final List<StepProgress> events = new CopyOnWriteArrayList<>();
    private final DataSteps data = new DataSteps(
            BOX, targets, new DataSteps.Settings(Optional.empty(), 2, 2L << 20, "64MB", Duration.ofMillis(1), 100));
    private final CopyPostgresStep copy = new CopyPostgresStep(data, events::add);
    private final VerifyPostgresStep verify = new VerifyPostgresStep(data);

    @BeforeAll
    static void source() {
        source = TestPostgres.source("steps_src", 40_000);
    }

    private static StepContext context(String type, Map<String, String> parameters, String sourceUrl) {
        return context("mig-1", type, parameters, sourceUrl);
    }

    private static StepContext context(
            String migrationId, String type, Map<String, String> parameters, String sourceUrl) {
        PlanStep step = new PlanStep(
                "data:" + type,
                type,
                "Copy the data",
                "the app's database moves to Aptible",
                List.of(),
                parameters,
                Map.of("sourceUrl", BOX.seal(sourceUrl)));
        return new StepContext(migrationId, "acme-production", step, Map.of());
    }

    @Test
    void theTargetIsTheDatabaseItsProvisioningStepRecordedElseTheHandleInTheStepsEnvironment() {
        PlanStep copyStep = new PlanStep(
                "copy:shop-db",
                "copy-postgres",
                "Copy",
                "why",
                List.of("db:shop-db"),
                Map.of("targetDatabase", "shop-db", "environment", "acme-production"),
                Map.of());
        Map<String, Map<String, String>> outputs = Map.of(
                "db:shop-db", Map.of("databaseId", "42", "databaseHandle", "shop-db"),
                "db:other-db", Map.of("databaseId", "43", "databaseHandle", "other-db"),
                "app:shop", Map.of("appId", "7"));
        assertThat(DataSteps.target(new StepContext("m", "acme", copyStep, outputs), "shop-db"))
                .isEqualTo(new TargetDatabases.Target("shop-db", "acme-production", 42L));
        assertThat(DataSteps.target(new StepContext("m", "acme", copyStep, Map.of()), "shop-db"))
                .as("kept, not provisioned by this migration: by handle in the environment")
                .isEqualTo(new TargetDatabases.Target("shop-db", "acme-production", null));
        Map<String, Map<String, String>> twice = Map.of(
                "db:a", Map.of("databaseId", "42", "databaseHandle", "shop-db"),
                "db:b", Map.of("databaseId", "44", "databaseHandle", "shop-db"));
        assertThat(DataSteps.target(new StepContext("m", "acme", copyStep, twice), "shop-db")
                        .id())
                .as("two databases with that handle: no guess")
                .isNull();
    }

    private static <T> T run(io.smallrye.mutiny.Uni<T> uni) {
        return uni.await().atMost(Duration.ofMinutes(3));
    }

    @Test
    void copyThenVerifyPassesWithProgressEventsAndNoSecretInAnyOutput() {
        targets.put("shop-db", freshDatabase("steps_dst"));
        Map<String, String> params = Map.of(
                "sourceAddon", "postgresql-curly-123",
                "targetDatabase", "shop-db",
                "strategy", "parallel-dump-restore");

        StepOutcome copied = run(copy.ensure(context("copy-postgres", params, source)));
        StepOutcome verified = run(verify.ensure(context("verify-postgres", params, source)));

        assertThat(copied.summary()).contains("postgresql-curly-123", "shop-db", "4 tables");
        assertThat(copied.outputs()).containsEntry("tables", "4").containsEntry("recreated", "false");
        assertThat(Long.parseLong(copied.outputs().get("rows"))).isEqualTo(2000 + 5000 + 1000 + 36_000);
        assertThat(verified.summary()).contains("matches");
        assertThat(verified.outputs()).containsEntry("rows", copied.outputs().get("rows"));
        assertThat(verified.outputs().entrySet().stream().filter(e -> e.getKey().startsWith("table:")))
                .hasSize(4)
                .allSatisfy(e -> assertThat(e.getValue()).matches("\\d+ rows, checksum -?\\d+"));
        assertThat(events).isNotEmpty().allSatisfy(e -> {
            assertThat(e.migrationId()).isEqualTo("mig-1");
            assertThat(e.stepId()).isEqualTo("data:copy-postgres");
            assertThat(e.stepType()).isEqualTo("copy-postgres");
            assertThat(e.tablesTotal()).isEqualTo(4);
        });
        assertThat(events.get(events.size() - 1).tablesDone()).isEqualTo(4);
        assertThat(events).anyMatch(e -> e.etaSeconds() != null);
        String everything = copied + " " + verified + " " + events;
        assertThat(everything).doesNotContain(TestPostgres.PASSWORD);
    }

    @Test
    void aCorruptedTargetFailsVerifyForGoodNamingTheTable() {
        targets.put("shop-db", freshDatabase("steps_bad"));
        Map<String, String> params = Map.of("sourceAddon", "pg-a", "targetDatabase", "shop-db");
        run(copy.ensure(context("copy-postgres", params, source)));
        execute("steps_bad", "update customers set name = 'Mallory' where id = 10");

        assertThatThrownBy(() -> run(verify.ensure(context("verify-postgres", params, source))))
                .isInstanceOfSatisfying(
                        StepException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("public.customers")
                .hasMessageContaining("different contents")
                .hasMessageNotContaining(TestPostgres.PASSWORD);
    }

    @Test
    void anUnknownStrategyAndBadJobsAreRefusedWithoutTouchingTheTarget() {
        targets.put("shop-db", freshDatabase("steps_refused"));
        for (Map<String, String> params : List.of(
                Map.of("sourceAddon", "pg-a", "targetDatabase", "shop-db", "strategy", "rsync"),
                Map.of("sourceAddon", "pg-a", "targetDatabase", "shop-db", "jobs", "zero"))) {
            assertThatThrownBy(() -> run(copy.ensure(context("copy-postgres", params, source))))
                    .isInstanceOfSatisfying(
                            StepException.class, e -> assertThat(e.retryable()).isFalse());
            assertThat(run(copy.dryRun(context("copy-postgres", params, source)))
                            .isEmpty())
                    .isFalse();
        }
        assertThat(TestPostgres.single("steps_refused", "select count(*) from pg_tables where schemaname = 'public'"))
                .isEqualTo("0");
    }

    @Test
    void dryRunFindsAnUnknownTargetAForeignTargetAndPassesAGoodOne() {
        Map<String, String> params = Map.of("sourceAddon", "pg-a", "targetDatabase", "shop-db");
        assertThat(run(copy.dryRun(context("copy-postgres", params, source))))
                .singleElement()
                .asString()
                .contains("shop-db");

        targets.put("shop-db", freshDatabase("steps_dry"));
        assertThat(run(copy.dryRun(context("copy-postgres", params, source)))).isEmpty();

        execute("steps_dry", "create table somebody_elses (id int)");
        assertThat(run(copy.dryRun(context("copy-postgres", params, source))))
                .singleElement()
                .asString()
                .contains("somebody_elses");
        assertThat(TestPostgres.single("steps_dry", "select count(*) from pg_tables where schemaname = 'public'"))
                .isEqualTo("1");
    }

    /** A second plan for the same targets, after the first migration copied into them: refused, nothing touched. */
    @Test
    void anotherMigrationsCopyIntoTheSameTargetsIsRefusedForGoodAndChangesNothing() {
        targets.put("shop-db", freshDatabase("steps_taken"));
        Map<String, String> params = Map.of("sourceAddon", "pg-a", "targetDatabase", "shop-db");
        run(copy.ensure(context("mig-1", "copy-postgres", params, source)));
        execute("steps_taken", "insert into audit values (now(), 'the app wrote this after the cutover')");
        String rows = TestPostgres.single("steps_taken", "select count(*) from audit");

        assertThatThrownBy(() -> run(copy.ensure(context("mig-2", "copy-postgres", params, source))))
                .isInstanceOfSatisfying(
                        StepException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("already holds data that this migration did not write")
                .hasMessageContaining("marked 'ferry-copy mig-1/data:copy-postgres completed'");
        assertThat(run(copy.dryRun(context("mig-2", "copy-postgres", params, source))))
                .singleElement()
                .asString()
                .contains("did not write");
        assertThat(TestPostgres.single("steps_taken", "select count(*) from audit"))
                .isEqualTo(rows);
        assertThat(run(copy.ensure(context("mig-1", "copy-postgres", params, source)))
                        .outputs())
                .as("the same migration step may copy again")
                .containsEntry("recreated", "true");

        try (LocalRedis from = LocalRedis.start();
                LocalRedis to = LocalRedis.start();
                Jedis s = from.client(0);
                Jedis t = to.client(0)) {
            s.lpush("queue:mailers", "job-1", "job-2");
            targets.put("shop-redis", to.url(0));
            CopyRedisStep step = new CopyRedisStep(data);
            Map<String, String> redis = Map.of("sourceAddon", "redis-a", "targetDatabase", "shop-redis");
            run(step.ensure(context("mig-1", "copy-redis", redis, from.url(0))));
            t.lpush("queue:mailers", "job-after-cutover");

            assertThatThrownBy(() -> run(step.ensure(context("mig-2", "copy-redis", redis, from.url(0)))))
                    .isInstanceOfSatisfying(
                            StepException.class, e -> assertThat(e.retryable()).isFalse())
                    .hasMessageContaining("already holds data that this migration did not write");
            assertThat(t.lrange("queue:mailers", 0, -1)).containsExactly("job-after-cutover", "job-2", "job-1");
            assertThat(t.get("ferry:copy:mig-1")).isEqualTo("ferry-copy mig-1/data:copy-redis completed");
        }
    }

    @Test
    void aMissingSecretOrUnknownTargetFailsClearly() {
        PlanStep noSecret = new PlanStep(
                "data:x",
                "copy-postgres",
                "t",
                "r",
                List.of(),
                Map.of("sourceAddon", "a", "targetDatabase", "b"),
                Map.of());
        assertThatThrownBy(() -> run(copy.ensure(new StepContext("m", "e", noSecret, Map.of()))))
                .isInstanceOfSatisfying(
                        StepException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("sourceUrl");
        assertThatThrownBy(() -> run(copy.ensure(
                        context("copy-postgres", Map.of("sourceAddon", "a", "targetDatabase", "nope"), source))))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void copyRedisCopiesAQueueAndFailsRetryablyWhenCountsDiffer() {
        try (LocalRedis from = LocalRedis.start();
                LocalRedis to = LocalRedis.start();
                Jedis s = from.client(0);
                Jedis t = to.client(0)) {
            for (int i = 0; i < 250; i++) {
                s.lpush("queue:mailers", "job-" + i);
            }
            s.setex("retry:7", 300, "x");
            targets.put("shop-redis", to.url(0));
            CopyRedisStep step = new CopyRedisStep(data);
            Map<String, String> params = Map.of("sourceAddon", "redis-round-42", "targetDatabase", "shop-redis");

            StepOutcome outcome = run(step.ensure(context("copy-redis", params, from.url(0))));

            assertThat(outcome.outputs()).containsEntry("keys", "2").containsEntry("targetKeys", "2");
            assertThat(t.llen("queue:mailers")).isEqualTo(250);
            assertThat(t.ttl("retry:7")).isBetween(200L, 300L);

            t.set("stray", "1");
            assertThatThrownBy(() -> run(step.ensure(context("copy-redis", params, from.url(0)))))
                    .isInstanceOfSatisfying(
                            StepException.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessageContaining("2 keys on the source, 3 on the target");
        }
    }
}

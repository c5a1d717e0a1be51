package dev.ferry.executor.data.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.executor.data.postgres.CopyOwner;
import dev.ferry.executor.data.postgres.DataCopyException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.SetParams;

/** Redis copies between two real redis-server processes, in database 2 of each. */
class RedisCopierTest {
    private static LocalRedis source;
    private static LocalRedis target;
    private static final CopyOwner OWNER = new CopyOwner("mig-redis", "data:copy-redis");
    private static final String MARK = "ferry:copy:mig-redis";
    private final RedisCopier copier = new RedisCopier(50);

    @BeforeAll
    static void start() {
        source = LocalRedis.start();
        target = LocalRedis.start();
    }

    @AfterAll
    static void stop() {
        source.close();
        target.close();
    }

    @BeforeEach
    void seed() {
        try (Jedis s = source.client(2);
                Jedis t = target.client(2);
                Jedis t0 = target.client(0)) {
            s.flushAll();
            t.flushAll();
            for (int i = 0; i < 300; i++) {
                s.rpush("queue:default", "{\"job\":" + i + "}");
            }
            for (int i = 0; i < 400; i++) {
                s.hset("job:" + i, Map.of("class", "Mailer", "attempt", Integer.toString(i % 3)));
                if (i % 2 == 0) {
                    s.expire("job:" + i, 600);
                }
            }
            s.zadd("schedule", Map.of("a", 1.0, "b", 2.5, "c", 10.0));
            s.sadd("workers", "w1", "w2");
            s.set("lock:reindex", "held", SetParams.setParams().px(120_000));
            s.set("counter", "41");
            s.xadd("events", StreamEntryID.NEW_ENTRY, Map.of("type", "signup"));
            try (Jedis other = source.client(0)) {
                other.set("not-in-db-2", "x");
            }
        }
    }

    @Test
    void copiesEveryKeyOfTheUrlsDatabaseWithItsTypeValueAndTtl() {
        RedisCopyReport report = copier.copy(source.url(2), target.url(2), OWNER);

        assertThat(report.differences()).isEmpty();
        assertThat(report.keysCopied()).isEqualTo(1 + 400 + 5);
        assertThat(report.sourceKeys()).isEqualTo(report.targetKeys()).isEqualTo(406);
        assertThat(report.typesChecked()).isEqualTo(200);
        try (Jedis t = target.client(2);
                Jedis t0 = target.client(0)) {
            assertThat(t.lrange("queue:default", 0, -1))
                    .hasSize(300)
                    .startsWith("{\"job\":0}")
                    .endsWith("{\"job\":299}");
            assertThat(t.hgetAll("job:7")).containsEntry("class", "Mailer").containsEntry("attempt", "1");
            assertThat(t.pttl("job:8")).isBetween(500_000L, 600_000L);
            assertThat(t.pttl("job:7")).as("a key without TTL stays without").isEqualTo(-1L);
            assertThat(t.pttl("lock:reindex")).isBetween(100_000L, 120_000L);
            assertThat(t.zrangeWithScores("schedule", 0, -1)).hasSize(3);
            assertThat(t.zscore("schedule", "b")).isEqualTo(2.5);
            assertThat(t.smembers("workers")).containsExactlyInAnyOrder("w1", "w2");
            assertThat(t.type("events")).isEqualTo("stream");
            assertThat(t.xlen("events")).isEqualTo(1);
            assertThat(t.get("counter")).isEqualTo("41");
            assertThat(t.get(MARK)).isEqualTo("ferry-copy mig-redis/data:copy-redis completed");
            assertThat(t.dbSize()).as("the copy's keys and its mark").isEqualTo(406 + 1);
            assertThat(t0.dbSize()).as("other databases are not touched").isZero();
        }
    }

    @Test
    void copyingAgainReplacesInsteadOfFailingOrDuplicating() {
        copier.copy(source.url(2), target.url(2), OWNER);
        try (Jedis s = source.client(2)) {
            s.rpush("queue:default", "{\"job\":300}");
        }

        RedisCopyReport again = copier.copy(source.url(2), target.url(2), OWNER);

        assertThat(again.ok()).isTrue();
        try (Jedis t = target.client(2)) {
            assertThat(t.llen("queue:default")).isEqualTo(301);
            assertThat(t.dbSize()).as("406 keys and the mark").isEqualTo(407);
            assertThat(again.targetKeys()).isEqualTo(406);
        }
    }

    @Test
    void extraKeysOnTheTargetAreReportedAsADifference() {
        copier.copy(source.url(2), target.url(2), OWNER);
        try (Jedis t = target.client(2)) {
            t.set("stray", "1");
        }

        RedisCopyReport report = copier.copy(source.url(2), target.url(2), OWNER);

        assertThat(report.ok()).isFalse();
        assertThat(report.differences()).containsExactly("406 keys on the source, 407 on the target");
        try (Jedis t = target.client(2)) {
            assertThat(t.get(MARK)).as("not checked out: still in progress").endsWith(" in-progress");
        }
    }

    @Test
    void aTargetHoldingKeysThisMigrationDidNotWriteIsRefusedAndLeftUntouched() {
        try (Jedis t = target.client(2)) {
            t.rpush("queue:default", "live-1", "live-2", "live-3"); // a Redis already in use
            t.set("session:42", "alive");
        }

        assertThatThrownBy(() -> copier.copy(source.url(2), target.url(2), OWNER))
                .isInstanceOfSatisfying(
                        DataCopyException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("The target Redis 127.0.0.1:" + target.port() + "/2")
                .hasMessageContaining("already holds data that this migration did not write (2 keys")
                .hasMessageContaining("session:42")
                .hasMessageContaining("no ferry:copy:mig-redis mark")
                .hasMessageContaining("Ferry copies only into an empty database or over its own partial copy");

        try (Jedis t = target.client(2)) {
            assertThat(t.lrange("queue:default", 0, -1)).containsExactly("live-1", "live-2", "live-3");
            assertThat(t.get("session:42")).isEqualTo("alive");
            assertThat(t.dbSize()).isEqualTo(2);
        }
    }

    @Test
    void aTargetAnotherMigrationCopiedIsRefusedAndLeftUntouched() {
        copier.copy(source.url(2), target.url(2), OWNER);
        try (Jedis t = target.client(2)) {
            t.rpush("queue:default", "enqueued after the cutover");
        }
        CopyOwner laterPlan = new CopyOwner("mig-later", "data:copy-redis");

        assertThatThrownBy(() -> copier.copy(source.url(2), target.url(2), laterPlan))
                .isInstanceOfSatisfying(
                        DataCopyException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("already holds data that this migration did not write (407 keys")
                .hasMessageContaining("no ferry:copy:mig-later mark");

        try (Jedis t = target.client(2)) {
            assertThat(t.llen("queue:default")).isEqualTo(301);
            assertThat(t.dbSize()).isEqualTo(407);
            assertThat(t.exists("ferry:copy:mig-later")).isFalse();
            assertThat(t.get(MARK)).isEqualTo("ferry-copy mig-redis/data:copy-redis completed");
        }
    }

    @Test
    void anUnreachableSourceIsARetryableErrorAndABadUrlIsNot() {
        String closed = "redis://127.0.0.1:1/0";
        assertThatThrownBy(() -> copier.copy(closed, target.url(2), OWNER))
                .isInstanceOfSatisfying(
                        DataCopyException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("source Redis");
        for (String bad : List.of("http://127.0.0.1:6379", "redis://127.0.0.1:6379/notanumber")) {
            assertThatThrownBy(() -> copier.copy(bad, target.url(2), OWNER))
                    .isInstanceOfSatisfying(
                            DataCopyException.class,
                            e -> assertThat(e.retryable()).isFalse());
        }
    }

    @Test
    void thePasswordOfAUrlIsUsedAndNeverShown() {
        try (Jedis admin = new Jedis("127.0.0.1", target.port())) {
            admin.configSet("requirepass", "r3dis-Secret");
        }
        try {
            assertThatThrownBy(() -> copier.copy(source.url(2), target.url(2), OWNER))
                    .isInstanceOf(DataCopyException.class);
            String withPassword = "redis://:r3dis-Secret@127.0.0.1:" + target.port() + "/2";
            RedisCopyReport report = copier.copy(source.url(2), withPassword, OWNER);
            assertThat(report.ok()).isTrue();
            String wrong = "redis://:wrong-Secret@127.0.0.1:" + target.port() + "/2";
            assertThatThrownBy(() -> copier.copy(source.url(2), wrong, OWNER))
                    .isInstanceOf(DataCopyException.class)
                    .hasMessageNotContaining("wrong-Secret");
        } finally {
            try (Jedis admin = new Jedis("127.0.0.1", target.port())) {
                admin.auth("r3dis-Secret");
                admin.configSet("requirepass", "");
            }
        }
    }
}

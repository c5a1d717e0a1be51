package dev.ferry.inventory.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.inventory.RedisProbe;
import dev.ferry.testkit.LocalRedis;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redis probe against a real redis-server: a Sidekiq queue in db 1, a cache in db 2. */
class RedisProberTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static LocalRedis redis;
    private static Vertx vertx;
    private static RedisProber prober;

    @BeforeAll
    static void start() throws Exception {
        redis = LocalRedis.start(Path.of("target", "redis"));
        vertx = Vertx.vertx();
        prober = new RedisProber(vertx);
        send(1, "RPUSH", "queue:default", "{\"class\":\"HardJob\",\"args\":[1]}");
        send(1, "SADD", "queues", "default");
        send(1, "ZADD", "schedule", "1700000000", "{\"class\":\"LaterJob\"}");
        send(1, "ZADD", "retry", "1700000000", "{\"class\":\"FailedJob\"}");
        send(1, "SET", "stat:processed", "42");
        for (int i = 0; i < 250; i++) {
            send(2, "SET", "cache:views/products/" + i, "<html>" + i + "</html>");
        }
        send(2, "SET", "session:abc", "FAKE-session");
        send(3, "RPUSH", "celery", "{}");
        send(3, "SADD", "_kombu.binding.celery", "celery");
        send(3, "HSET", "rq:job:1234", "status", "queued");
        send(3, "SET", "bull:emails:id", "7");
        send(3, "SET", "resque:stat:processed", "1");
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.close();
        }
        if (vertx != null) {
            vertx.close();
        }
    }

    @Test
    void aSidekiqDatabaseHoldsAJobQueue() {
        RedisProbe probe = prober.probe(SourceUrl.parse(redis.url(1)), TIMEOUT, 1000);
        assertThat(probe.reachable()).isTrue();
        assertThat(probe.error()).isNull();
        assertThat(probe.serverVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(probe.usedMemoryBytes()).isPositive();
        assertThat(probe.keyCount()).isEqualTo(5L);
        assertThat(probe.maxmemoryPolicy()).isEqualTo("noeviction");
        assertThat(probe.queueSystems()).containsExactly("sidekiq");
        assertThat(probe.holdsJobQueue()).isTrue();
    }

    @Test
    void aCacheDatabaseHoldsNoJobQueue() {
        RedisProbe probe = prober.probe(SourceUrl.parse(redis.url(2)), TIMEOUT, 1000);
        assertThat(probe.reachable()).isTrue();
        assertThat(probe.keyCount()).isEqualTo(251L);
        assertThat(probe.queueSystems()).isEmpty();
        assertThat(probe.holdsJobQueue()).isFalse();
    }

    @Test
    void recognisesEveryQueueLibrary() {
        RedisProbe probe = prober.probe(SourceUrl.parse(redis.url(3)), TIMEOUT, 1000);
        assertThat(probe.queueSystems()).containsExactly("resque", "rq", "celery", "bull");
        assertThat(probe.holdsJobQueue()).isTrue();
    }

    @Test
    void theScanIsBounded() {
        // Two keys looked at out of 251 cannot include the one Sidekiq key this db does not have.
        RedisProbe probe = prober.probe(SourceUrl.parse(redis.url(2)), TIMEOUT, 2);
        assertThat(probe.keyCount()).isEqualTo(251L);
        assertThat(probe.holdsJobQueue()).isFalse();
    }

    @Test
    void theProbeWritesNothingAndSendsOnlyReadCommands() throws Exception {
        List<String> before = digest();
        send(0, "CONFIG", "RESETSTAT");
        for (int db = 1; db <= 3; db++) {
            assertThat(prober.probe(SourceUrl.parse(redis.url(db)), TIMEOUT, 1000)
                            .reachable())
                    .isTrue();
        }
        Set<String> commands = commandsUsed();
        assertThat(digest()).isEqualTo(before);
        assertThat(commands)
                .isNotEmpty()
                .isSubsetOf(
                        "info",
                        "dbsize",
                        "config|get",
                        "scan",
                        "select",
                        "hello",
                        "ping",
                        "client|setinfo",
                        "client|setname",
                        "dump",
                        "config|resetstat",
                        "command",
                        "command|docs");
        assertThat(commands).contains("scan", "dbsize", "config|get");
    }

    @Test
    void readsTheEvictionPolicyFromInfoWhereConfigIsDisabled() {
        try (LocalRedis managed = LocalRedis.start(
                Path.of("target", "redis"),
                List.of("--maxmemory-policy", "allkeys-lru", "--rename-command", "CONFIG", ""))) {
            var client = Redis.createClient(vertx, managed.url(0));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.send(
                                    Request.cmd(Command.CONFIG).arg("GET").arg("maxmemory-policy"))
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get(5, TimeUnit.SECONDS))
                    .hasMessageContaining("unknown command");
            client.close();
            RedisProbe probe = prober.probe(SourceUrl.parse(managed.url(0)), TIMEOUT, 1000);
            assertThat(probe.reachable()).isTrue();
            assertThat(probe.maxmemoryPolicy()).isEqualTo("allkeys-lru");
            assertThat(probe.keyCount()).isZero();
            assertThat(probe.holdsJobQueue()).isFalse();
        }
    }

    @Test
    void anUnreachableRedisIsAResultWithoutTheUrlOrPassword() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String secret = "FAKE-redis-pw-3131";
        String raw = "redis://h:" + secret + "@127.0.0.1:" + closed;
        RedisProbe probe = prober.probe(SourceUrl.parse(raw), TIMEOUT, 1000);
        assertThat(probe.reachable()).isFalse();
        assertThat(probe.error()).contains("connection refused").doesNotContain(secret, raw);
        assertThat(probe.queueSystems()).isEmpty();
    }

    /** DBSIZE and a digest (DUMP of every key) of each database. */
    private static List<String> digest() throws Exception {
        List<String> out = new ArrayList<>();
        for (int db = 0; db <= 3; db++) {
            out.add(db + ":" + send(db, "DBSIZE"));
            Response keys = send(db, "KEYS", "*");
            TreeSet<String> sorted = new TreeSet<>();
            keys.forEach(k -> sorted.add(k.toString()));
            for (String key : sorted) {
                Response dump = send(db, "DUMP", key);
                out.add(key + "=" + java.util.HexFormat.of().formatHex(dump.toBytes()));
            }
        }
        return out;
    }

    /** The commands the server ran since CONFIG RESETSTAT, from INFO commandstats. */
    private static Set<String> commandsUsed() throws Exception {
        Set<String> used = new TreeSet<>();
        for (String line : send(0, "INFO", "commandstats").toString().split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                used.add(line.substring("cmdstat_".length(), line.indexOf(':')));
            }
        }
        used.remove("info"); // this very call
        used.add("info");
        return used;
    }

    private static Response send(int db, String command, String... args) throws Exception {
        var client = Redis.createClient(vertx, redis.url(db));
        try {
            Request request = Request.cmd(Command.create(command));
            for (String arg : args) {
                request.arg(arg);
            }
            return client.send(request)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }
}

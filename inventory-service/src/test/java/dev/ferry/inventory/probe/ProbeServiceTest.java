package dev.ferry.inventory.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.ConfigVar;
import dev.ferry.events.inventory.PostgresProbe;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.inventory.config.FerryInventoryConfig;
import dev.ferry.testkit.LocalRedis;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which add-ons a discovery probes, how often, and what it fills in; real Redis, refused PostgreSQL. */
class ProbeServiceTest {
    private static final String DB_PASSWORD = "FAKE-shared-db-pw-6060";
    private static final SecretBox BOX = SecretBox.of("k1", Base64.getEncoder().encodeToString(new byte[32]));

    private static LocalRedis redis;
    private static Vertx vertx;
    private static int closedPort;

    private final AtomicInteger postgresProbes = new AtomicInteger();
    private final PostgresProber countingPostgres = new PostgresProber() {
        @Override
        public PostgresProbe probe(SourceUrl url, Duration timeout) {
            postgresProbes.incrementAndGet();
            return super.probe(url, timeout);
        }
    };

    @BeforeAll
    static void start() throws Exception {
        redis = LocalRedis.start(Path.of("target", "redis"));
        vertx = Vertx.vertx();
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var client = io.vertx.redis.client.Redis.createClient(vertx, redis.url(0));
        client.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.SADD)
                        .arg("queues")
                        .arg("default"))
                .toCompletionStage()
                .toCompletableFuture()
                .get();
        client.close();
    }

    @AfterAll
    static void stop() {
        redis.close();
        vertx.close();
    }

    private ProbeService service(boolean enabled) {
        return new ProbeService(BOX, countingPostgres, new RedisProber(vertx), probes(enabled));
    }

    private static FerryInventoryConfig.Probes probes(boolean enabled) {
        return new FerryInventoryConfig.Probes() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(3);
            }

            @Override
            public int parallelism() {
                return 2;
            }

            @Override
            public int redisScanMaxKeys() {
                return 100;
            }
        };
    }

    private static AppInventory app(String name, List<ConfigVar> vars, List<AddOn> addons) {
        return new AppInventory("id-" + name, name, "us", "heroku-24", List.of(), vars, addons);
    }

    private static final AddOn SHARED_DB = new AddOn(
            "addon-db",
            "postgresql-shared",
            "heroku-postgresql",
            "heroku-postgresql:standard-0",
            List.of("DATABASE_URL"));
    private static final AddOn MAIL =
            new AddOn("addon-mail", "sendgrid-1", "sendgrid", "sendgrid:starter", List.of("SENDGRID_API_KEY"));

    private List<AppInventory> estate() {
        String dbUrl = "postgres://u:" + DB_PASSWORD + "@127.0.0.1:" + closedPort + "/shop";
        AddOn redisAddon =
                new AddOn("addon-redis", "redis-shop", "heroku-redis", "heroku-redis:premium-0", List.of("REDIS_URL"));
        return List.of(
                app(
                        "shop",
                        List.of(
                                new ConfigVar("DATABASE_URL", BOX.seal(dbUrl)),
                                new ConfigVar("REDIS_URL", BOX.seal(redis.url(0))),
                                new ConfigVar("SENDGRID_API_KEY", BOX.seal("FAKE-sendgrid"))),
                        List.of(SHARED_DB, redisAddon, MAIL)),
                app("admin", List.of(new ConfigVar("DATABASE_URL", BOX.seal(dbUrl))), List.of(SHARED_DB)),
                app(
                        "reporting",
                        List.of(),
                        List.of(new AddOn(
                                "addon-ro",
                                "postgresql-ro",
                                "heroku-postgresql",
                                "heroku-postgresql:standard-0",
                                List.of("HEROKU_POSTGRESQL_RED_URL")))));
    }

    @Test
    void probesEachDataAddOnOnceAndFillsEveryAppThatHasIt() {
        List<AppInventory> probed = service(true).probe(estate()).await().atMost(Duration.ofSeconds(30));

        assertThat(postgresProbes).hasValue(1);
        AddOn shopDb = addon(probed, "shop", "postgresql-shared");
        AddOn adminDb = addon(probed, "admin", "postgresql-shared");
        assertThat(shopDb.postgresProbe()).isNotNull().isEqualTo(adminDb.postgresProbe());
        assertThat(shopDb.postgresProbe().reachable()).isFalse();
        assertThat(shopDb.postgresProbe().error())
                .contains("connection refused")
                .doesNotContain(DB_PASSWORD);
        assertThat(shopDb.redisProbe()).isNull();

        AddOn redisAddon = addon(probed, "shop", "redis-shop");
        assertThat(redisAddon.redisProbe().reachable()).isTrue();
        assertThat(redisAddon.redisProbe().queueSystems()).containsExactly("sidekiq");
        assertThat(redisAddon.postgresProbe()).isNull();

        AddOn mail = addon(probed, "shop", "sendgrid-1");
        assertThat(mail.postgresProbe()).isNull();
        assertThat(mail.redisProbe()).isNull();

        assertThat(addon(probed, "reporting", "postgresql-ro").postgresProbe().error())
                .contains("no config var of the add-on was discovered");
        assertThat(probed.toString()).doesNotContain(DB_PASSWORD, "FAKE-sendgrid");
        assertThat(probed).extracting(AppInventory::name).containsExactly("shop", "admin", "reporting");
    }

    @Test
    void disabledProbesLeaveTheAppsAlone() {
        List<AppInventory> apps = estate();
        assertThat(service(false).probe(apps).await().indefinitely()).isSameAs(apps);
        assertThat(postgresProbes).hasValue(0);
    }

    private static AddOn addon(List<AppInventory> apps, String app, String addon) {
        return apps.stream()
                .filter(a -> a.name().equals(app))
                .flatMap(a -> a.addons().stream())
                .filter(a -> a.name().equals(addon))
                .findFirst()
                .orElseThrow();
    }
}

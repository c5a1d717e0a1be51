package dev.ferry.simulator.heroku.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Add-ons marked {@code backed} point at real databases: the demo estate's shared Postgres gets its
 * own database and role on a real PostgreSQL, seeded; its Sidekiq Redis gets a DB index on a real
 * redis-server, seeded with queue keys; both attached apps see the same real URL.
 */
@QuarkusTest
@WithTestResource(BackingResource.class)
class BackedAddOnsTest {

    private static final String TOKEN = "HRKU-00000000-0000-4000-8000-000000000001";

    private static Map<String, String> configVars(String app) {
        return given().accept("application/vnd.heroku+json; version=3")
                .header("Authorization", "Bearer " + TOKEN)
                .get("/apps/" + app + "/config-vars")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    @Test
    void postgresAddOnIsARealSeededDatabaseSharedByBothApps() throws Exception {
        String url = configVars("acme-shop").get("DATABASE_URL");
        assertThat(url)
                .startsWith("postgres://heroku_postgresql_acme_shop_primary:")
                .doesNotContain("FAKE");
        assertThat(configVars("acme-admin")).containsEntry("DATABASE_URL", url);
        URI uri = URI.create(url);
        String[] credentials = uri.getUserInfo().split(":", 2);
        try (Connection db = DriverManager.getConnection(
                        "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(),
                        credentials[0],
                        credentials[1]);
                Statement s = db.createStatement()) {
            assertThat(count(s, "select count(*) from customers")).isEqualTo(25);
            assertThat(count(s, "select count(*) from orders")).isEqualTo(60);
            assertThat(count(
                            s,
                            "select count(*) from information_schema.tables t where table_name = 'audit_events'"
                                    + " and not exists (select 1 from information_schema.table_constraints c"
                                    + " where c.table_name = t.table_name and c.constraint_type = 'PRIMARY KEY')"))
                    .isEqualTo(1);
            assertThat(count(s, "select count(*) from pg_largeobject_metadata")).isEqualTo(1);
        }
        // Unbacked add-ons keep their unreachable fake URLs.
        assertThat(configVars("acme-api").get("DATABASE_URL")).contains("FAKE");
    }

    @Test
    void redisAddOnIsARealSidekiqQueue() throws Exception {
        String url = configVars("acme-shop").get("REDIS_URL");
        URI uri = URI.create(url);
        assertThat(uri.getPath()).isEqualTo("/1");
        try (RespClient redis = new RespClient(uri.getHost(), uri.getPort())) {
            redis.call("SELECT", "1");
            assertThat(redis.call("LLEN", "queue:default")).isEqualTo("5");
            assertThat(redis.call("SISMEMBER", "queues", "mailers")).isEqualTo("1");
            assertThat(redis.call("GET", "stat:processed")).isEqualTo("1042");
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

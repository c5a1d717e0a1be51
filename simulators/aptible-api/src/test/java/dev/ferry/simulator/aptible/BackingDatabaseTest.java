package dev.ferry.simulator.aptible;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provisioned databases are real: a PostgreSQL database and role, or a Redis DB index; deprovision drops them.
 * Seeded databases are provisioned the same way at start-up.
 */
@QuarkusTest
@WithTestResource(BackingServersResource.class)
class BackingDatabaseTest {

    private String token;
    private long accountId;

    @BeforeEach
    void createAccount() {
        token = Api.token();
        accountId = Api.createAccount(token, Api.unique("backed")).getLong("id");
    }

    private long provisioned(String handle, String type) {
        long id = Api.as(token)
                .body(Map.of("handle", handle, "type", type))
                .post("/accounts/" + accountId + "/databases")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        assertThat(Api.run(token, "/databases/" + id, Map.of("type", "provision"))
                        .getString("status"))
                .isEqualTo("succeeded");
        return id;
    }

    @Test
    void postgresDatabaseIsCreatedUsableByItsOwnRoleAndDroppedOnDeprovision() throws SQLException {
        long id = provisioned("orders", "postgresql");
        JsonPath db = Api.as(token).get("/databases/" + id).then().extract().jsonPath();
        URI url = URI.create(db.getString("connection_url"));
        assertThat(url.getScheme()).isEqualTo("postgresql");
        assertThat(url.getPort()).isEqualTo(BackingServersResource.postgres.port());
        String name = url.getPath().substring(1);
        String[] credentials = url.getUserInfo().split(":", 2);
        assertThat(credentials[0]).isEqualTo(name);

        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + url.getPort() + "/" + name, credentials[0], credentials[1]);
                Statement s = c.createStatement()) {
            s.execute("create table orders (id bigint primary key, total numeric)");
            s.execute("insert into orders select g, g * 1.5 from generate_series(1, 1000) g");
            try (ResultSet rs = s.executeQuery("select count(*) from orders")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1000);
            }
        }
        assertThat(databaseExists(name)).isTrue();
        assertThat(Api.as(token)
                        .get("/_simulator/state")
                        .then()
                        .extract()
                        .jsonPath()
                        .getInt("databases.backed"))
                .isGreaterThanOrEqualTo(1);

        Api.run(token, "/databases/" + id, Map.of("type", "deprovision"));
        for (int i = 0; i < 100 && databaseExists(name); i++) {
            Api.sleep(50);
        }
        assertThat(databaseExists(name)).isFalse();
        Api.as(token).get("/databases/" + id).then().statusCode(404);
    }

    @Test
    void redisDatabaseGetsItsOwnIndexAndIsFlushedOnDeprovision() throws IOException {
        long first = provisioned("cache", "redis");
        long second = provisioned("queue", "redis");
        URI a = URI.create(Api.as(token)
                .get("/databases/" + first)
                .then()
                .extract()
                .jsonPath()
                .getString("connection_url"));
        URI b = URI.create(Api.as(token)
                .get("/databases/" + second)
                .then()
                .extract()
                .jsonPath()
                .getString("connection_url"));
        assertThat(a.getPort()).isEqualTo(BackingServersResource.redisPort);
        assertThat(a.getPath()).isNotEqualTo(b.getPath());
        int index = Integer.parseInt(a.getPath().substring(1));

        assertThat(redis(index, "SET", "job:1", "payload")).isEqualTo("+OK");
        assertThat(redis(index, "DBSIZE")).isEqualTo(":1");
        Api.run(token, "/databases/" + first, Map.of("type", "deprovision"));
        assertThat(redis(index, "DBSIZE")).isEqualTo(":0");
    }

    @Test
    void seededDatabasesAreBackedByTheRealServers() throws SQLException, IOException {
        JsonPath db = Api.as(token)
                .get("/find/database?handle=shop-db&environment=acme-staging")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        URI url = URI.create(db.getString("connection_url"));
        assertThat(url.getPort()).isEqualTo(BackingServersResource.postgres.port());
        String name = url.getPath().substring(1);
        assertThat(name).isEqualTo("aptible_db_" + db.getLong("id"));
        String[] credentials = url.getUserInfo().split(":", 2);
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + url.getPort() + "/" + name, credentials[0], credentials[1]);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(name);
        }

        URI cache = URI.create(Api.as(token)
                .get("/find/database?handle=shop-cache")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("connection_url"));
        assertThat(cache.getPort()).isEqualTo(BackingServersResource.redisPort);
        int index = Integer.parseInt(cache.getPath().substring(1));
        assertThat(redis(index, "SET", "seeded", "yes")).isEqualTo("+OK");
        assertThat(Api.as(token)
                        .get("/_simulator/state")
                        .then()
                        .extract()
                        .jsonPath()
                        .getInt("databases.backed"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void resetDropsTheRealDatabasesAndBacksTheSeedAgain() throws SQLException {
        long created = provisioned("ledger", "postgresql");
        String createdName = "aptible_db_" + created;
        long seeded = Api.as(token)
                .get("/find/database?handle=shop-db")
                .then()
                .extract()
                .jsonPath()
                .getLong("id");
        assertThat(databaseExists(createdName)).isTrue();
        assertThat(databaseExists("aptible_db_" + seeded)).isTrue();

        given().post("/_simulator/reset").then().statusCode(200);

        assertThat(databaseExists(createdName)).isFalse();
        assertThat(databaseExists("aptible_db_" + seeded)).isFalse();
        long reseeded = Api.as(token)
                .get("/find/database?handle=shop-db")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");
        assertThat(reseeded).isGreaterThan(seeded);
        assertThat(databaseExists("aptible_db_" + reseeded)).isTrue();
    }

    private static boolean databaseExists(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        BackingServersResource.postgres.jdbcUrl("postgres"), "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            return rs.next();
        }
    }

    /** One command on a DB index over RESP; the first line of the reply. */
    private static String redis(int index, String... command) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", BackingServersResource.redisPort)) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out.write(resp("SELECT", Integer.toString(index)));
            in.readLine();
            out.write(resp(command));
            out.flush();
            return in.readLine();
        }
    }

    private static byte[] resp(String... args) {
        StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            b.append('$').append(a.length()).append("\r\n").append(a).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}

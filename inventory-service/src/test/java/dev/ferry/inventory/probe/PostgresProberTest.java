package dev.ferry.inventory.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.events.inventory.PostgresProbe;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PostgreSQL probe against a real server with wal_level=logical and a seeded database. */
class PostgresProberTest {
    private static final String READER_PASSWORD = "FAKE-reader-pw-4242";
    private static final String REPLICATOR_PASSWORD = "FAKE-repl-pw-7777";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static EmbeddedPostgres server;
    private final PostgresProber prober = new PostgresProber();

    @BeforeAll
    static void start() throws Exception {
        System.setProperty(
                "ot.epg.working-dir",
                Path.of("target", "embedded-pg").toAbsolutePath().toString());
        server = EmbeddedPostgres.builder()
                .setServerConfig("wal_level", "logical")
                .setServerConfig("fsync", "off")
                .start();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create database shop");
            s.execute("create role reader login password '" + READER_PASSWORD + "'");
            s.execute("create role replicator login replication password '" + REPLICATOR_PASSWORD + "'");
        }
        try (Connection c = DriverManager.getConnection(url("postgres", "postgres", "shop"));
                Statement s = c.createStatement()) {
            s.execute("create schema heroku_ext");
            s.execute("create extension citext schema heroku_ext");
            s.execute("create table orders (id bigserial primary key, email heroku_ext.citext, total int)");
            s.execute("insert into orders (email, total) values ('a@x.example', 10), ('b@x.example', 20)");
            s.execute("create table audit_log (at timestamptz default now(), line text)");
            s.execute("insert into audit_log (line) values ('one'), ('two')");
            s.execute("create sequence invoice_numbers");
            s.execute("select lo_from_bytea(0, 'hello'::bytea)");
            s.execute("grant select on all tables in schema public to reader");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String url(String user, String password, String db) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + db + "?user=" + user + "&password=" + password;
    }

    private static SourceUrl source(String user, String password) {
        return SourceUrl.parse("postgres://" + user + ":" + password + "@127.0.0.1:" + server.getPort() + "/shop");
    }

    @Test
    void readsEveryFactOfTheDatabase() throws Exception {
        PostgresProbe probe = prober.probe(source("postgres", "postgres"), TIMEOUT);

        assertThat(probe.reachable()).isTrue();
        assertThat(probe.error()).isNull();
        assertThat(probe.sizeBytes()).isEqualTo(query("select pg_database_size('shop')"));
        assertThat(probe.serverVersion()).startsWith("14.");
        assertThat(probe.extensions())
                .extracting(PostgresProbe.Extension::name, PostgresProbe.Extension::schema)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("citext", "heroku_ext"),
                        org.assertj.core.groups.Tuple.tuple("plpgsql", "pg_catalog"));
        assertThat(probe.extensions())
                .filteredOn(e -> e.name().equals("citext"))
                .singleElement()
                .satisfies(e -> assertThat(e.version()).matches("\\d+\\.\\d+"));
        assertThat(probe.tables()).isEqualTo(2);
        assertThat(probe.tablesWithoutPrimaryKey()).containsExactly("public.audit_log");
        assertThat(probe.largeObjects()).isEqualTo(1L);
        assertThat(probe.sequences()).isEqualTo(2); // orders_id_seq and invoice_numbers
        assertThat(probe.walLevel()).isEqualTo("logical");
        assertThat(probe.canReplicate()).isTrue(); // superuser
        assertThat(probe.logicalSyncPossible()).isTrue();
    }

    @Test
    void aRoleWithoutReplicationCannotSyncLogically() {
        PostgresProbe reader = prober.probe(source("reader", READER_PASSWORD), TIMEOUT);
        assertThat(reader.reachable()).isTrue();
        assertThat(reader.walLevel()).isEqualTo("logical");
        assertThat(reader.canReplicate()).isFalse();
        assertThat(reader.logicalSyncPossible()).isFalse();

        PostgresProbe replicator = prober.probe(source("replicator", REPLICATOR_PASSWORD), TIMEOUT);
        assertThat(replicator.canReplicate()).isTrue();
        assertThat(replicator.logicalSyncPossible()).isTrue();
    }

    @Test
    void theProbeWritesNothing() throws Exception {
        List<String> before = state();
        for (int i = 0; i < 3; i++) {
            assertThat(prober.probe(source("postgres", "postgres"), TIMEOUT).reachable())
                    .isTrue();
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void theProbesSessionRefusesWrites() throws Exception {
        try (Connection c = prober.connect(source("postgres", "postgres"), TIMEOUT);
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("insert into audit_log (line) values ('sneaky')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("read-only transaction");
            assertThatThrownBy(() -> s.execute("select nextval('invoice_numbers')"))
                    .hasMessageContaining("read-only transaction");
        }
        assertThat(query("select count(*) from audit_log")).isEqualTo(2L);
    }

    @Test
    void anUnreachableServerIsAResultWithoutTheUrlOrPassword() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String secret = "FAKE-unreachable-pw-5150";
        String raw = "postgres://someuser:" + secret + "@127.0.0.1:" + closed + "/shop";
        PostgresProbe probe = prober.probe(SourceUrl.parse(raw), TIMEOUT);
        assertThat(probe.reachable()).isFalse();
        assertThat(probe.error()).contains("connection refused").doesNotContain(secret, raw, "someuser");
        assertThat(probe.sizeBytes()).isNull();
        assertThat(probe.extensions()).isEmpty();
    }

    @Test
    void aRefusedLoginIsAResultWithoutTheCredentials() {
        // The embedded server trusts local logins, so an unknown role is what it refuses.
        String password = "FAKE-ghost-pw-8080";
        PostgresProbe probe = prober.probe(source("ghostuser", password), TIMEOUT);
        assertThat(probe.reachable()).isFalse();
        assertThat(probe.error()).contains("28000").doesNotContain(password, "ghostuser");
    }

    /** Everything the probe could have changed: table contents, sequences, large objects, catalogue. */
    private static List<String> state() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url("postgres", "postgres", "shop"));
                Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "select md5(coalesce(string_agg(o::text, '|' order by id), '')) from orders o",
                    "select md5(coalesce(string_agg(a::text, '|' order by line), '')) from audit_log a",
                    "select last_value || ':' || is_called from invoice_numbers",
                    "select last_value || ':' || is_called from orders_id_seq",
                    "select count(*) from pg_largeobject_metadata",
                    "select string_agg(relname || relkind, ',' order by relname) from pg_class"
                            + " where relnamespace = 'public'::regnamespace",
                    "select string_agg(extname || extversion, ',' order by extname) from pg_extension")) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static long query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres", "postgres", "shop"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

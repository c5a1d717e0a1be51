package dev.ferry.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.events.secret.SecretBox;
import dev.ferry.testkit.LocalPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class SecretKeyCheckTest {
    private static final String KEY_A = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String KEY_B = "HxweHRwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgE=";
    private static LocalPostgres postgres;
    private static DataSource dataSource;

    @BeforeAll
    static void start() throws Exception {
        postgres = LocalPostgres.start(Path.of("target", "postgres"));
        postgres.createDatabase("keycheck");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(postgres.jdbcUrl("keycheck"));
        ds.setUser(LocalPostgres.USER);
        ds.setPassword(LocalPostgres.PASSWORD);
        dataSource = ds;
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute(new String(
                    SecretKeyCheck.class
                            .getResourceAsStream("/db/ferry-common/V0_2__secret_key_canary.sql")
                            .readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void empty() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("delete from secret_key_canary");
        }
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void theFirstStartRecordsACanaryAndLaterStartsWithTheSameKeyPass() throws Exception {
        new SecretKeyCheck(dataSource, SecretBox.of("k1", KEY_A)).verify();
        new SecretKeyCheck(dataSource, SecretBox.of("k1", KEY_A)).verify();
        assertThat(canaryKeys()).containsExactly("k1");
    }

    @Test
    void differentMaterialUnderAKnownIdStopsTheStart() {
        new SecretKeyCheck(dataSource, SecretBox.of("k1", KEY_A)).verify();
        assertThatThrownBy(() -> new SecretKeyCheck(dataSource, SecretBox.of("k1", KEY_B)).verify())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Secret key k1 is missing or differs");
    }

    @Test
    void rotationKeepsTheOldKeyAndRecordsTheNewOne() throws Exception {
        new SecretKeyCheck(dataSource, SecretBox.of("k1", KEY_A)).verify();
        new SecretKeyCheck(dataSource, new SecretBox("k2", Map.of("k1", KEY_A, "k2", KEY_B))).verify();
        assertThat(canaryKeys()).contains("k1", "k2");
        assertThatThrownBy(() -> new SecretKeyCheck(dataSource, SecretBox.of("k2", KEY_B)).verify())
                .as("dropping a key that sealed data is refused")
                .hasMessageContaining("Secret key k1 is missing or differs");
    }

    private static java.util.List<String> canaryKeys() throws Exception {
        java.util.List<String> keys = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select key_id from secret_key_canary order by key_id")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }
}

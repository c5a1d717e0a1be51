package dev.ferry.rekey;

import static dev.ferry.rekey.EventLogFixture.BOX_K1;
import static dev.ferry.rekey.EventLogFixture.BOX_K2;
import static dev.ferry.rekey.EventLogFixture.ENV_K1_TO_K2;
import static dev.ferry.rekey.EventLogFixture.K1;
import static dev.ferry.rekey.EventLogFixture.K2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.common.security.SecretKeyCheck;
import dev.ferry.events.EventCodec;
import dev.ferry.events.secret.SealedSecret;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.testkit.LocalKafka;
import dev.ferry.testkit.LocalPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Retiring a key end to end against real Kafka and PostgreSQL: the services' own start-up check
 * (ferry-common's {@code SecretKeyCheck}) refuses to start without the old key until the topics are
 * re-keyed, the projections rebuilt and the tool has removed the old key's canary; then it starts with
 * the new key alone.
 */
class RetireKeyTest {
    private static LocalKafka kafka;
    private static LocalPostgres postgres;

    @BeforeAll
    static void start() {
        kafka = LocalKafka.start(Path.of("target", "kafka-retire"));
        postgres = LocalPostgres.start(Path.of("target", "postgres"));
    }

    @AfterAll
    static void stop() {
        postgres.close();
        kafka.close();
    }

    @Test
    void anOldKeyIsRetiredOnlyWhenNothingNeedsItAndThenTheServicesStartWithoutIt() throws Exception {
        EventLogFixture log = new EventLogFixture(kafka.bootstrapServers(), "retire.").seed(3);
        DataSource planner = database("retire_planner");
        DataSource notifier = database("retire_notifier");
        // the services ran with k1, then with k2 active and k1 kept
        for (DataSource db : List.of(planner, notifier)) {
            new SecretKeyCheck(db, BOX_K1).verify();
            new SecretKeyCheck(db, new SecretBox("k2", Map.of("k1", K1, "k2", K2))).verify();
        }
        project(planner, BOX_K1);
        project(notifier, BOX_K1);
        Map<String, String> env = new HashMap<>(ENV_K1_TO_K2);
        env.put("PG_USER", LocalPostgres.USER);
        env.put("PG_PASSWORD", LocalPostgres.PASSWORD);
        String[] retire = {
            "retire",
            "--key-id",
            "k1",
            "--bootstrap",
            kafka.bootstrapServers(),
            "--topics",
            log.arg(),
            "--jdbc",
            postgres.jdbcUrl("retire_planner"),
            "--jdbc",
            postgres.jdbcUrl("retire_notifier")
        };

        RekeyKafkaTest.Run tooEarly = RekeyKafkaTest.run(env, retire);
        assertThat(tooEarly.status()).isEqualTo(RekeyMain.FAILED);
        assertThat(tooEarly.err())
                .contains(
                        "Key k1 is still needed; nothing was changed",
                        "retire.ferry.inventory holds 15 values sealed with k1",
                        "public.plan.steps holds 1 rows");
        assertThat(canaries(planner)).containsExactly("k1", "k2");

        RekeyKafkaTest.Run rekey =
                RekeyKafkaTest.run(env, "--bootstrap", kafka.bootstrapServers(), "--topics", log.arg(), "--commit");
        assertThat(rekey.status()).as(rekey.all()).isZero();

        RekeyKafkaTest.Run beforeRebuild = RekeyKafkaTest.run(env, retire);
        assertThat(beforeRebuild.status()).isEqualTo(RekeyMain.FAILED);
        assertThat(beforeRebuild.err())
                .contains("rebuild that service's projection")
                .doesNotContain("retire.ferry.");
        assertThat(canaries(notifier)).containsExactly("k1", "k2");
        assertThatThrownBy(() -> new SecretKeyCheck(planner, BOX_K2).verify())
                .as("without k1 the service still refuses to start")
                .hasMessageContaining("Secret key k1 is missing");

        // what the projection rebuild does: the tables now hold the values as the re-keyed events carry them
        project(planner, BOX_K2);
        project(notifier, BOX_K2);
        RekeyKafkaTest.Run retired = RekeyKafkaTest.run(env, retire);
        assertThat(retired.status()).as(retired.all()).isZero();
        assertThat(retired.out()).contains("removed the canary of k1", "Key k1 is retired");
        assertThat(canaries(planner)).containsExactly("k2");
        assertThat(canaries(notifier)).containsExactly("k2");
        for (DataSource db : List.of(planner, notifier)) {
            new SecretKeyCheck(db, BOX_K2).verify(); // starts with k2 alone
        }
        assertThat(retired.all() + tooEarly.all() + beforeRebuild.all())
                .doesNotContain(K1, K2, LocalPostgres.PASSWORD + "@", "FAKE");

        RekeyKafkaTest.Run again = RekeyKafkaTest.run(env, retire);
        assertThat(again.status()).isZero();
        assertThat(again.out()).contains("no canary of k1 (already retired)");

        env.put("FERRY_SECRETS_KEY_ID", "k1");
        RekeyKafkaTest.Run active = RekeyKafkaTest.run(env, retire);
        assertThat(active.status()).isEqualTo(RekeyMain.FAILED);
        assertThat(active.err()).contains("Key k1 is the active key");
    }

    private static DataSource database(String name) throws Exception {
        postgres.createDatabase(name);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(postgres.jdbcUrl(name));
        ds.setUser(LocalPostgres.USER);
        ds.setPassword(LocalPostgres.PASSWORD);
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute(new String(
                    SecretKeyCheck.class
                            .getResourceAsStream("/db/ferry-common/V0_2__secret_key_canary.sql")
                            .readAllBytes(),
                    StandardCharsets.UTF_8));
            // a projection that keeps sealed values in JSON, as the executor's plans and notifier's subscriptions do
            s.execute("create table plan (id text primary key, steps jsonb not null, note text)");
        }
        return ds;
    }

    /** Writes a projection row as a rebuild from events sealed with the box's key would. */
    private static void project(DataSource db, SecretBox box) throws Exception {
        SealedSecret secret = box.seal("FAKE-projected-secret");
        String steps = "[{\"id\":\"configure\",\"secrets\":{\"SECRET_KEY_BASE\":"
                + EventCodec.mapper().writeValueAsString(secret) + "}}]";
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into plan (id, steps, note) values ('p1', ?::jsonb, "
                                + "'keyId k1 in prose is not a sealed value') on conflict (id) do update set steps = excluded.steps")) {
            s.setString(1, steps);
            s.executeUpdate();
        }
    }

    private static List<String> canaries(DataSource db) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select key_id from secret_key_canary order by key_id")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}

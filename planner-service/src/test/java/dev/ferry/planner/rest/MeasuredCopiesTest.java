package dev.ferry.planner.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ferry.events.EventIds;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.planner.Estates;
import dev.ferry.planner.domain.PlanRules;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A copy the executor measured on ferry.migrations reaches the planner's projection once, survives a
 * rebuild, and the next discovery of the same estate predicts its window from it.
 */
@QuarkusTest
@AsUser("everyone")
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "ferry_planner"))
class MeasuredCopiesTest {
    private static final String ACCOUNT = "acc-measured";
    private static final String ADDON = "postgresql-ledger-measured";
    private static final String COPY = "copy:" + ADDON;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    /** One app with a 50 GB Postgres that cannot sync logically: a parallel dump and restore. */
    private static EstateDiscovered ledger(String discoveryId) {
        var app = Estates.app("ledger")
                .process("web", "bin/web", 1, "standard-1x")
                .config("DATABASE_URL", "postgres://u:" + Estates.DB_PASSWORD + "@h/d")
                .addon(Estates.postgres(
                                "a-ledger",
                                ADDON,
                                "ledger",
                                List.of("ledger"),
                                "heroku-postgresql:standard-4",
                                50 * Estates.GB,
                                false)
                        .build())
                .build();
        return Estates.estate(discoveryId, "alice", ACCOUNT, List.of(app), List.of(), List.of());
    }

    @Test
    void aMeasuredCopyPredictsTheNextVersionsWindowOnceAndSurvivesARebuild() throws SQLException {
        EventProbe probe = new EventProbe(bootstrap);
        String planId = PlanRules.planId(ACCOUNT, PlanRules.ACCOUNT_SCOPE);
        probe.append(EventIds.random(), "/ferry/inventory", ledger("d-measured-1"));
        awaitVersion(planId, 1);
        given().get("/api/plans/" + planId + "/steps/" + COPY)
                .then()
                .statusCode(200)
                .body("reason", containsString("predicted from the configured 90 MB/s"));
        given().get("/api/plans/" + planId + "/steps/window:w1-production")
                .then()
                .body("parameters.predictedMinutes", equalTo("58"));

        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        probe.append(
                EventIds.random(),
                "/ferry/executor",
                new MigrationStarted("m-rehearsal-1", planId, 1, "acme-production", List.of(COPY), at));
        StepSucceeded copied = new StepSucceeded(
                "m-rehearsal-1",
                COPY,
                "copy-postgres",
                "Copied",
                Map.of("bytes", "4100000000", "rows", "1000", "tables", "4", "seconds", "100", "recreated", "false"),
                100_400,
                at);
        probe.append("copied-rehearsal-1", "/ferry/executor", copied);
        probe.append("copied-rehearsal-1", "/ferry/executor", copied);
        List<String> expected = List.of("m-rehearsal-1 " + COPY + " " + planId + " " + ADDON + " 4100000000 100000");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(measurements(planId)).isEqualTo(expected));

        probe.append(EventIds.random(), "/ferry/inventory", ledger("d-measured-2"));
        awaitVersion(planId, 2);
        given().get("/api/plans/" + planId + "/steps/" + COPY)
                .then()
                .body(
                        "reason",
                        containsString("predicted from a measured copy: 41 MB/s on migration m-rehearsal-1 at"
                                + " 2026-11-20T10:00:00Z, times 1.5 (planner.copy.measured-safety-factor)"));
        given().get("/api/plans/" + planId + "/steps/window:w1-production")
                .then()
                .body("parameters.predictedMinutes", equalTo("61"));

        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement ps = c.prepareStatement("delete from copy_measurement where plan_id = ?")) {
            ps.setString(1, planId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        given().auth()
                .oauth2(Tokens.of("admin"))
                .post("/api/admin/projection/rebuild")
                .then()
                .statusCode(200);
        assertThat(measurements(planId))
                .as("rebuilt from ferry.migrations, the redelivery counted once")
                .isEqualTo(expected);
    }

    private static void awaitVersion(String planId, int version) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/api/plans/" + planId)
                        .then()
                        .statusCode(200)
                        .body("plan.version", equalTo(version)));
    }

    private List<String> measurements(String planId) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement ps = c.prepareStatement("select migration_id, step_id, plan_id, source_addon, bytes,"
                        + " copy_ms from copy_measurement where plan_id = ? order by event_id")) {
            ps.setString(1, planId);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(String.join(
                            " ",
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            Long.toString(rs.getLong(5)),
                            Long.toString(rs.getLong(6))));
                }
            }
            return rows;
        }
    }
}

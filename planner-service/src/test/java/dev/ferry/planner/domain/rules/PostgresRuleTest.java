package dev.ferry.planner.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.EventCodec;
import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.inventory.PostgresInfo;
import dev.ferry.events.inventory.PostgresProbe;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.planner.Estates;
import dev.ferry.planner.domain.CopyMeasurement;
import dev.ferry.planner.domain.PlanRules;
import dev.ferry.planner.domain.PlannerSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresRuleTest {
    private static final PlannerSettings SETTINGS = PlannerSettings.defaults();

    private static AddOn pg(Long size, String version, Boolean logical, List<String> noPk, boolean probed) {
        PostgresProbe probe = probed
                ? new PostgresProbe(
                        true,
                        null,
                        size,
                        version,
                        List.of(new PostgresProbe.Extension("pgcrypto", "public", "1.3")),
                        10,
                        noPk,
                        0L,
                        1,
                        Boolean.TRUE.equals(logical) ? "logical" : "replica",
                        logical,
                        logical)
                : null;
        return Estates.postgres("p", "pg", "app", List.of("app"), "heroku-postgresql:standard-2", size, false)
                .postgres(new PostgresInfo("heroku-postgresql:standard-2", size, 10, version, List.of(), "Available"))
                .probe(probe)
                .build();
    }

    @ParameterizedTest(name = "{0} GB, logical {1}, probed {2} -> {3}")
    @CsvSource({
        "3, false, true, dump-restore, 1",
        "9.9, false, true, dump-restore, 1",
        "50, false, true, parallel-dump-restore, 2",
        "50, false, false, parallel-dump-restore, 2",
        "50, true, true, logical-sync, 1",
        "500, true, true, logical-sync, 1"
    })
    void theStrategyFollowsSizeAndWhatTheProbeProved(
            double gb, boolean logical, boolean probed, String strategy, int jobs) {
        long size = (long) (gb * Estates.GB);
        PostgresRule.Copy copy = PostgresRule.copy(SETTINGS, pg(size, "16.4", logical, List.of(), probed));
        assertThat(copy.strategy()).isEqualTo(strategy);
        assertThat(copy.jobs()).isEqualTo(jobs);
        assertThat(copy.reviews()).isEmpty();
        assertThat(copy.reason()).isNotBlank();
    }

    @Test
    void theWindowIsPredictedFromSizeAndThroughput() {
        PostgresRule.Copy copy = PostgresRule.copy(SETTINGS, pg(50 * Estates.GB, "16", false, List.of(), true));
        // 50 GB at 90 MB/s is 556 s, times 3 is 1,667 s, plus 1,800 s of checks
        assertThat(copy.predictedSeconds()).isEqualTo(3467);
        assertThat(copy.reason()).contains("58 minutes").contains("classic Heroku Postgres does not allow it");
        PlannerSettings faster = new PlannerSettings(
                PlannerSettings.TEN_GB,
                180_000_000L,
                3.0,
                1800,
                4,
                List.of(16),
                List.of("7.0"),
                "r",
                false,
                86400,
                3600,
                1.5,
                PlannerSettings.MIN_MEASURED_BYTES,
                false,
                List.of());
        assertThat(PostgresRule.copy(faster, pg(50 * Estates.GB, "16", false, List.of(), true))
                        .predictedSeconds())
                .isEqualTo(1800 + 834);
    }

    /** 4.1 GB in 100 s: 41 MB/s, copied from {@code pg} on migration m-rehearsal. */
    private static final CopyMeasurement REHEARSAL = new CopyMeasurement(
            "m-rehearsal", "copy:pg", "plan-1", "pg", 4_100_000_000L, 100_000, Instant.parse("2026-11-20T10:00:00Z"));

    @Test
    void aMeasuredCopyPredictsTheWindowWithItsOwnSafetyFactor() {
        AddOn addon = pg(50 * Estates.GB, "16", false, List.of(), true);
        PostgresRule.Copy copy =
                PostgresRule.copy(SETTINGS, Throughput.choose(SETTINGS, List.of(REHEARSAL), "pg"), addon);
        // 50 GB at 41 MB/s is 1,220 s, times 1.5 is 1,830 s, plus 1,800 s of checks
        assertThat(copy.predictedSeconds()).isEqualTo(3630);
        assertThat(copy.reason())
                .contains("about 61 minutes, predicted from a measured copy: 41 MB/s on migration m-rehearsal at"
                        + " 2026-11-20T10:00:00Z, times 1.5 (planner.copy.measured-safety-factor)");
        assertThat(PostgresRule.copy(SETTINGS, addon).reason())
                .contains("predicted from the configured 90 MB/s (planner.copy.bytes-per-second), times 3.0"
                        + " (planner.copy.safety-factor)");
    }

    @Test
    void theSameInventoryWithAndWithoutAMeasurementGivesTwoWindowsEachDeterministic() {
        var app = Estates.app("ledger")
                .process("web", "bin/web", 1, "standard-1x")
                .config("DATABASE_URL", "postgres://u:" + Estates.DB_PASSWORD + "@h/d")
                .addon(pg(50 * Estates.GB, "16", false, List.of(), true))
                .build();
        EstateDiscovered estate = Estates.estate("d", "alice", "acc", List.of(app), List.of(), List.of());
        CopyMeasurement tiny = new CopyMeasurement(
                "m-staging", "copy:pg", "plan-1", "pg", 1_000_000, 1_000, Instant.parse("2026-11-21T10:00:00Z"));

        PlanProposed configured = propose(estate, List.of());
        PlanProposed measured = propose(estate, List.of(REHEARSAL, tiny));

        assertThat(EventCodec.toJson(propose(estate, List.of()))).isEqualTo(EventCodec.toJson(configured));
        assertThat(EventCodec.toJson(propose(estate, List.of(tiny, REHEARSAL))))
                .as("the same measurements in another order")
                .isEqualTo(EventCodec.toJson(measured));
        assertThat(Plans.step(configured, "window:w1-production").parameters()).containsEntry("predictedMinutes", "58");
        assertThat(Plans.step(measured, "window:w1-production").parameters()).containsEntry("predictedMinutes", "61");
        assertThat(Plans.step(measured, "window:w1-production").reason())
                .contains("The longest copy, pg, is predicted from a measured copy: 41 MB/s on migration m-rehearsal");
        assertThat(Plans.step(configured, "copy:pg").reason()).contains("the configured 90 MB/s");
        assertThat(Plans.step(measured, "copy:pg").reason()).contains("a measured copy: 41 MB/s");
        assertThat(measured.planHash()).isNotEqualTo(configured.planHash());
    }

    private static PlanProposed propose(EstateDiscovered estate, List<CopyMeasurement> measurements) {
        return PlanRules.propose(estate, PlanRules.ACCOUNT_SCOPE, SETTINGS, measurements, 1, null);
    }

    @Test
    void logicalSyncNeedsPrimaryKeysAndUnknownSizeIsFlagged() {
        PostgresRule.Copy noPk =
                PostgresRule.copy(SETTINGS, pg(50 * Estates.GB, "16", true, List.of("public.events"), true));
        assertThat(noPk.strategy()).isEqualTo("logical-sync");
        assertThat(noPk.reviews()).anyMatch(r -> r.contains("public.events"));
        AddOn unknown =
                new AddOn("p", "pg", "heroku-postgresql", "heroku-postgresql:standard-0", List.of("DATABASE_URL"));
        PostgresRule.Copy copy = PostgresRule.copy(SETTINGS, unknown);
        assertThat(copy.strategy()).isEqualTo("parallel-dump-restore");
        assertThat(copy.reviews()).anyMatch(r -> r.contains("size was not discovered"));
    }

    @ParameterizedTest(name = "Heroku {0} -> Aptible {1}")
    @CsvSource({"16.4, 16, false", "14.11, 14, false", "11.22, 12, true", "17.2, 16, true", "9.6.24, 12, true"})
    void theSameMajorOrTheNearestFlagged(String heroku, String aptible, boolean flagged) {
        var context = context(pg(Estates.GB, heroku, false, List.of(), true));
        var step =
                PostgresRule.ensureDatabase(context, context.databases().get(0)).build();
        assertThat(step.parameters()).containsEntry("version", aptible).containsEntry("engine", "postgresql");
        assertThat(step.needsReview() != null).isEqualTo(flagged);
    }

    @Test
    void anUnknownVersionOrUnprobedExtensionsNeedReview() {
        AddOn bare = new AddOn("p", "pg", "heroku-postgresql", "heroku-postgresql:standard-0", List.of("DATABASE_URL"));
        var context = context(bare);
        var step =
                PostgresRule.ensureDatabase(context, context.databases().get(0)).build();
        assertThat(step.parameters()).doesNotContainKeys("version", "diskSizeGb");
        assertThat(step.needsReview())
                .contains("version was not discovered")
                .contains("size was not discovered")
                .contains("not probed");
    }

    @Test
    void unsupportedExtensionsAreFlaggedAndDiskHasHeadroom() {
        AddOn addon = Estates.postgres(
                        "p", "pg", "app", List.of("app"), "heroku-postgresql:standard-4", 40 * Estates.GB, false)
                .probe(new PostgresProbe(
                        true,
                        null,
                        40 * Estates.GB,
                        "15.3",
                        List.of(
                                new PostgresProbe.Extension("timescaledb", "public", "2.1"),
                                new PostgresProbe.Extension("pg_trgm", "heroku_ext", "1.6")),
                        3,
                        List.of(),
                        0L,
                        0,
                        "replica",
                        false,
                        false))
                .build();
        var context = context(addon);
        var step =
                PostgresRule.ensureDatabase(context, context.databases().get(0)).build();
        assertThat(step.needsReview()).contains("timescaledb").doesNotContain("pg_trgm");
        assertThat(step.parameters())
                .containsEntry("diskSizeGb", "80")
                .containsEntry("containerSizeMb", "30720")
                .containsEntry("extensions", "pg_trgm,timescaledb");
        assertThat(step.reason()).contains("heroku_ext");
    }

    private static EstateContext context(AddOn addon) {
        var app =
                Estates.app("app").process("web", "w", 1, "basic").addon(addon).build();
        return new EstateContext(Estates.estate("d", "a", "acc", List.of(app), List.of(), List.of()), SETTINGS);
    }
}

package dev.ferry.planner.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.planner.domain.CopyMeasurement;
import dev.ferry.planner.domain.PlannerSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputTest {
    private static final PlannerSettings SETTINGS = PlannerSettings.defaults();

    /** A copy of {@code seconds} at {@code mbps} MB/s, measured on day {@code day} of November 2026. */
    private static CopyMeasurement copy(String migration, String addon, long seconds, long mbps, int day) {
        return new CopyMeasurement(
                migration,
                "copy:" + addon,
                "plan-1",
                addon,
                mbps * 1_000_000 * seconds,
                seconds * 1000,
                Instant.parse("2026-11-%02dT10:00:00Z".formatted(day)));
    }

    @Test
    void withoutMeasurementsTheConfiguredThroughputAndFactor() {
        Throughput t = Throughput.choose(SETTINGS, List.of(), "pg-main");
        assertThat(t.bytesPerSecond()).isEqualTo(90_000_000);
        assertThat(t.safetyFactor()).isEqualTo(3.0);
        assertThat(t.source()).isEqualTo("the configured 90 MB/s (planner.copy.bytes-per-second)");
    }

    @Test
    void theSameAddOnsMostRecentCopyWinsWithTheSmallerFactor() {
        var measurements = List.of(
                copy("m-3", "pg-main", 100, 41, 20),
                copy("m-1", "pg-main", 100, 60, 10),
                copy("m-9", "pg-other", 100, 200, 25));
        Throughput t = Throughput.choose(SETTINGS, measurements, "pg-main");
        assertThat(t.bytesPerSecond()).isEqualTo(41_000_000);
        assertThat(t.safetyFactor()).isEqualTo(1.5);
        assertThat(t.source()).isEqualTo("a measured copy: 41 MB/s on migration m-3 at 2026-11-20T10:00:00Z");
        assertThat(t.factorSetting()).isEqualTo("planner.copy.measured-safety-factor");
    }

    @Test
    void anotherAddOnGetsTheMedianOfTheEstatesMostRecentCopies() {
        var measurements = List.of(
                copy("m-old", "pg-a", 100, 500, 1),
                copy("m-1", "pg-a", 100, 30, 11),
                copy("m-2", "pg-b", 100, 50, 12),
                copy("m-3", "pg-c", 100, 20, 13),
                copy("m-4", "pg-d", 100, 70, 14),
                copy("m-5", "pg-e", 100, 40, 15));
        Throughput t = Throughput.choose(SETTINGS, measurements, "pg-new");
        assertThat(t.bytesPerSecond()).as("the median of 30, 50, 20, 70, 40").isEqualTo(40_000_000);
        assertThat(t.source())
                .startsWith("the median of this estate's 5 most recent measured copies: 40 MB/s")
                .contains("m-1, m-2, m-3, m-4, m-5")
                .doesNotContain("m-old")
                .endsWith("the latest at 2026-11-15T10:00:00Z)");
        assertThat(Throughput.median(List.of(copy("a", "x", 10, 20, 1), copy("b", "y", 10, 30, 2))))
                .isEqualTo(25_000_000);
    }

    @Test
    void copiesTooSmallToMeasureAreIgnored() {
        var staging = copy("m-staging", "pg-main", 3, 4, 20);
        assertThat(Throughput.choose(SETTINGS, List.of(staging), "pg-main").source())
                .startsWith("the configured");
        var fifty = copy("m-50", "pg-main", 2, 25, 21);
        assertThat(Throughput.choose(SETTINGS, List.of(staging, fifty), "pg-main")
                        .bytesPerSecond())
                .isEqualTo(25_000_000);
    }

    @Test
    void theChoiceDoesNotDependOnTheOrderMeasurementsArrive() {
        var a = copy("m-a", "pg-a", 100, 30, 11);
        var b = copy("m-b", "pg-b", 100, 50, 11);
        var c = copy("m-c", "pg-c", 100, 80, 12);
        assertThat(Throughput.choose(SETTINGS, List.of(c, b, a), "pg-x"))
                .isEqualTo(Throughput.choose(SETTINGS, List.of(a, b, c), "pg-x"));
    }
}

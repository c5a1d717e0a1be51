package dev.ferry.planner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.migration.StepSucceeded;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CopyMeasurementTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00.250Z");

    private static StepSucceeded copy(String stepId, String type, Map<String, String> outputs, long durationMs) {
        return new StepSucceeded("m-1", stepId, type, "Copied", outputs, durationMs, AT);
    }

    @Test
    void aCopyMeasuresItsBytesOverItsWholeSeconds() {
        var m = CopyMeasurement.of(
                        copy(
                                "copy:pg-main",
                                "copy-postgres",
                                Map.of("bytes", "4100000000", "rows", "9", "tables", "3", "seconds", "100"),
                                100_900),
                        "plan-1",
                        "pg-main",
                        "parallel-dump-restore")
                .orElseThrow();
        assertThat(m.copyMillis()).isEqualTo(100_000);
        assertThat(m.bytesPerSecond()).isEqualTo(41_000_000);
        assertThat(m)
                .extracting(CopyMeasurement::planId, CopyMeasurement::sourceAddon, CopyMeasurement::measuredAt)
                .containsExactly("plan-1", "pg-main", AT);
    }

    @Test
    void zeroWholeSecondsFallBackToTheStepsDuration() {
        var m = CopyMeasurement.of(
                        copy("copy:pg", "copy-postgres", Map.of("bytes", "60000000", "seconds", "0"), 800),
                        null,
                        null,
                        null)
                .orElseThrow();
        assertThat(m.copyMillis()).isEqualTo(800);
        assertThat(m.bytesPerSecond()).isEqualTo(75_000_000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "another step type | copy:pg | copy-redis | bytes=100 | dump-restore",
                "a logical sync by its strategy | copy:pg | copy-postgres | bytes=100 | logical-sync",
                "a logical sync by its id | sync:pg | copy-postgres | bytes=100 | ''",
                "a logical sync by its outputs | copy:pg | copy-postgres | subscription=s | ''",
                "no bytes | copy:pg | copy-postgres | rows=5 | dump-restore",
                "unreadable bytes | copy:pg | copy-postgres | bytes=lots | dump-restore"
            })
    void onlyAMeasuredDumpAndRestoreCounts(String what, String stepId, String type, String output, String strategy) {
        String[] kv = output.split("=");
        var outputs = Map.of(kv[0], kv[1], "seconds", "10");
        assertThat(CopyMeasurement.of(copy(stepId, type, outputs, 10_000), "p", "pg", strategy))
                .as(what)
                .isEmpty();
    }
}

package dev.ferry.executor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationTest {
    private static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

    private static Migration.Step step(String id, String status, int attempts, String... deps) {
        return new Migration.Step(id, "t", status, attempts, List.of(deps), Map.of());
    }

    private static Migration migration(String status, Migration.Step... steps) {
        return new Migration("m", "p", 1, "acme-production", status, T, List.of(steps));
    }

    @Test
    void runsTheFirstStepWhoseDependenciesSucceeded() {
        var decision = migration(
                        "running",
                        step("env", "succeeded", 1),
                        step("app", "pending", 0, "env"),
                        step("cfg", "pending", 0, "app"))
                .decide();
        assertThat(decision).isEqualTo(new Migration.RunStep(step("app", "pending", 0, "env"), 1));
    }

    @Test
    void aStepLeftRunningByACrashIsRunAgainAsTheNextAttempt() {
        var decision = migration("running", step("env", "running", 1)).decide();
        assertThat(decision)
                .isInstanceOfSatisfying(
                        Migration.RunStep.class, r -> assertThat(r.attempt()).isEqualTo(2));
    }

    @Test
    void completesWhenEveryStepSucceeded() {
        assertThat(migration("running", step("env", "succeeded", 1), step("app", "succeeded", 2, "env"))
                        .decide())
                .isEqualTo(new Migration.Complete(2));
    }

    @Test
    void anEndedMigrationWaits() {
        assertThat(migration("failed", step("env", "failed", 3)).decide()).isInstanceOf(Migration.Wait.class);
        assertThat(migration("completed", step("env", "succeeded", 1)).decide()).isInstanceOf(Migration.Wait.class);
    }

    @Test
    void aStepWithAnUnmetDependencyIsNotRun() {
        assertThat(migration("running", step("app", "pending", 0, "env-missing"))
                        .decide())
                .isInstanceOf(Migration.Wait.class);
    }
}

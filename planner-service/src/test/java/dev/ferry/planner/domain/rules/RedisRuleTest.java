package dev.ferry.planner.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.planner.Estates;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisRuleTest {

    private static dev.ferry.events.plan.PlanProposed planWith(Boolean queue) {
        var app = Estates.app("jobs")
                .process("web", "bin/web", 1, "basic")
                .process("worker", "bin/worker", 2, "basic")
                .config("REDIS_URL", "redis://:FAKE@r:6379")
                .addon(Estates.redis("r", "redis-jobs", "jobs", queue).build())
                .build();
        return Plans.plan(Estates.estate("d", "alice", "acc", List.of(app), List.of(), List.of()));
    }

    @Test
    void aQueueIsCopiedAfterWorkersPauseAndDrain() {
        var plan = planWith(true);
        var copy = Plans.step(plan, "copy-redis:redis-jobs");
        assertThat(copy.dependsOn()).contains("drain:w1-production", "pause:jobs/worker");
        assertThat(copy.secrets()).containsKey("sourceUrl");
        assertThat(copy.needsReview()).isNull();
        assertThat(Plans.step(plan, "drain:w1-production").dependsOn()).contains("pause:jobs/worker");
        assertThat(Plans.step(plan, "pause:jobs/worker").parameters()).containsEntry("quantity", "0");
        assertThat(Plans.step(plan, "repoint:jobs").dependsOn()).contains("copy-redis:redis-jobs");
        assertThat(Plans.step(plan, "repoint:jobs").parameters()).containsEntry("env.REDIS_URL", "database:redis-jobs");
    }

    @Test
    void aCacheStartsEmpty() {
        var plan = planWith(false);
        assertThat(Plans.find(plan, "copy-redis:redis-jobs")).isEmpty();
        assertThat(Plans.find(plan, "drain:w1-production")).isEmpty();
        assertThat(plan.fidelity()).anyMatch(f -> f.note().contains("is a cache"));
    }

    @Test
    void anUnknownUsageIsCopiedAndFlagged() {
        var copy = Plans.step(planWith(null), "copy-redis:redis-jobs");
        assertThat(copy.needsReview()).contains("cache or a job queue is unknown");
    }

    @Test
    void tlsAndVersionAreCarried() {
        var db = Plans.step(planWith(true), "db:redis-jobs");
        assertThat(db.parameters()).containsEntry("engine", "redis").containsEntry("version", "7.0");
        assertThat(db.reason()).contains("TLS");
    }
}

package dev.ferry.planner.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.inventory.RedisInfo;
import dev.ferry.planner.Estates;
import dev.ferry.planner.domain.PlanDocument;
import dev.ferry.planner.domain.render.PlanFiles;
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
        assertThat(copy.parameters())
                .containsEntry("targetDatabase", "redis-jobs")
                .containsEntry(
                        "environment",
                        Plans.step(plan, "db:redis-jobs").parameters().get("environment"));
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

    /** A mini-plan Redis whose REDIS_URL is plain and REDIS_TLS_URL is TLS, as Heroku set them up. */
    private static dev.ferry.events.plan.PlanProposed planWithTlsUrl(Boolean herokuRequiredTls) {
        var app = Estates.app("jobs")
                .process("web", "bin/web", 1, "basic")
                .process("worker", "bin/worker", 1, "basic")
                .config("REDIS_URL", "redis://:FAKE@r:6379")
                .config("REDIS_TLS_URL", "rediss://:FAKE@r:6380")
                .addon(Estates.redis("r", "redis-jobs", "jobs", true)
                        .vars("REDIS_URL", "REDIS_TLS_URL")
                        .redis(new RedisInfo("heroku-redis:mini", "7.2.4", "noeviction", herokuRequiredTls))
                        .build())
                .build();
        return Plans.plan(Estates.estate("d", "alice", "acc", List.of(app), List.of(), List.of()));
    }

    @Test
    void redisTlsUrlGetsTheTlsCredentialNamedInThePlan() {
        var plan = planWithTlsUrl(false);
        for (String id : List.of("configure:jobs", "repoint:jobs")) {
            var step = Plans.step(plan, id);
            assertThat(step.parameters())
                    .as(id)
                    .containsEntry("env.REDIS_TLS_URL", "database:redis-jobs")
                    .containsEntry("credential.REDIS_TLS_URL", "redis+ssl")
                    .containsEntry("env.REDIS_URL", "database:redis-jobs")
                    .doesNotContainKey("credential.REDIS_URL");
            assertThat(step.reason())
                    .as(id)
                    .contains("REDIS_TLS_URL gets the connection URL of the database's redis+ssl credential (TLS)");
        }
        var db = Plans.step(plan, "db:redis-jobs");
        assertThat(db.parameters()).containsEntry("tlsCredential", "redis+ssl");
        assertThat(db.reason()).contains("REDIS_TLS_URL used TLS on Heroku");

        var document = PlanDocument.of(plan);
        assertThat(PlanFiles.runbook(document))
                .contains("REDIS_TLS_URL=\"$(aptible db:url redis-jobs --type redis+ssl)\"")
                .contains("REDIS_URL=\"$(aptible db:url redis-jobs)\"");
        assertThat(PlanFiles.render(document, "jobs", "main.tf").orElseThrow())
                .containsPattern("REDIS_TLS_URL += var\\.redis_jobs_redis_ssl_url")
                .containsPattern("REDIS_URL += aptible_database\\.redis_jobs\\.default_connection_url")
                .contains("aptible db:url redis-jobs --type redis+ssl");
    }

    @Test
    void redisUrlGetsTheTlsCredentialWhereHerokuRequiredTls() {
        var configure = Plans.step(planWithTlsUrl(true), "configure:jobs");
        assertThat(configure.parameters())
                .containsEntry("credential.REDIS_URL", "redis+ssl")
                .containsEntry("credential.REDIS_TLS_URL", "redis+ssl");
        assertThat(Plans.step(planWithTlsUrl(null), "configure:jobs").parameters())
                .doesNotContainKey("credential.REDIS_URL")
                .containsKey("credential.REDIS_TLS_URL");
    }

    @Test
    void tlsAndVersionAreCarried() {
        var db = Plans.step(planWith(true), "db:redis-jobs");
        assertThat(db.parameters()).containsEntry("engine", "redis").containsEntry("version", "7.0");
        assertThat(db.reason()).contains("TLS");
    }
}

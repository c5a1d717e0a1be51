package dev.ferry.executor.step;

import static dev.ferry.executor.step.StepTests.WAIT;
import static dev.ferry.executor.step.StepTests.step;
import static dev.ferry.executor.step.StepTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.events.plan.PlanStep;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Heroku cutover steps against a test double of the Platform and Data API (the Heroku simulator
 * gains these endpoints in parallel; the integrator points this at it).
 */
@QuarkusTest
@AsUser("everyone")
@WithTestResource(OidcTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "ferry_executor"))
@WithTestResource(
        value = SimulatorResource.class,
        initArgs = {
            @ResourceArg(name = "module", value = "simulators/aptible-api"),
            @ResourceArg(name = "property", value = "quarkus.rest-client.aptible.url")
        })
@WithTestResource(HerokuDouble.class)
class HerokuStepsTest {

    @Inject
    HerokuMaintenanceStep maintenance;

    @Inject
    HerokuScaleStep scale;

    @Inject
    HerokuBackupStep backup;

    @Test
    void maintenanceIsTurnedOnOnceAndBackOffOnRollback() {
        String app = unique("shop");
        HerokuDouble.MAINTENANCE.put(app, false);
        PlanStep step = step("heroku-maintenance", Map.of("app", app, "enabled", "true"));
        RecordingJournal journal = new RecordingJournal();
        StepOutcome first =
                maintenance.ensure(journal.context("env", step)).await().atMost(WAIT);
        StepOutcome second =
                maintenance.ensure(journal.context("env", step)).await().atMost(WAIT);
        assertThat(HerokuDouble.MAINTENANCE.get(app)).isTrue();
        assertThat(first.outputs()).containsEntry("previous", "false");
        assertThat(second.summary()).contains("already on");
        assertThat(HerokuDouble.count("PATCH /apps/" + app)).isEqualTo(1);

        maintenance
                .compensate(journal.context("env", step, Map.of(step.id(), first.outputs())))
                .await()
                .atMost(WAIT);
        assertThat(HerokuDouble.MAINTENANCE.get(app)).isFalse();
        assertThat(maintenance
                        .dryRun(new RecordingJournal()
                                .context("env", step("heroku-maintenance", Map.of("app", "missing"))))
                        .await()
                        .atMost(WAIT))
                .singleElement()
                .asString()
                .contains("404 not_found");
    }

    @Test
    void scaleRecordsTheQuantityItFoundBeforeChangingItAndRollbackRestoresIt() {
        String app = unique("shop");
        HerokuDouble.QUANTITY.put(app + "/worker", 4);
        PlanStep step = step("heroku-scale", Map.of("app", app, "processType", "worker", "quantity", "0"));
        RecordingJournal journal = new RecordingJournal();
        StepOutcome first = scale.ensure(journal.context("env", step)).await().atMost(WAIT);
        assertThat(HerokuDouble.QUANTITY.get(app + "/worker")).isZero();
        assertThat(first.outputs()).containsEntry("previousQuantity", "4");
        assertThat(journal.recorded).containsEntry("previous-quantity", "4");

        // A retry after a crash sees 0 workers but still knows there were 4.
        StepOutcome retry = scale.ensure(journal.context("env", step)).await().atMost(WAIT);
        assertThat(retry.outputs()).containsEntry("previousQuantity", "4");
        assertThat(HerokuDouble.count("PATCH /apps/" + app + "/formation/worker"))
                .isEqualTo(1);

        scale.compensate(journal.context("env", step)).await().atMost(WAIT);
        assertThat(HerokuDouble.QUANTITY.get(app + "/worker")).isEqualTo(4);
    }

    @Test
    void backupIsCapturedOncePolledToTheEndAndRecapturedOnlyIfItFailed() {
        String app = unique("shop");
        String addon = "postgresql-" + unique("a");
        PlanStep step = step("heroku-backup", Map.of("app", app, "addon", addon));
        RecordingJournal journal = new RecordingJournal();
        StepOutcome first = backup.ensure(journal.context("env", step)).await().atMost(WAIT);
        assertThat(first.outputs().get("backup")).matches("b\\d{3}");
        assertThat(first.outputs()).containsEntry("processedBytes", "4096");
        String uuid = journal.recorded.get("heroku-backup");
        assertThat(first.outputs()).containsEntry("transferId", uuid);
        StepOutcome again = backup.ensure(journal.context("env", step)).await().atMost(WAIT);
        assertThat(again.outputs()).containsEntry("transferId", uuid);
        assertThat(HerokuDouble.count("POST /client/v11/databases/" + addon + "/backups"))
                .isEqualTo(1);

        HerokuDouble.failBackups = true;
        try {
            RecordingJournal failing = new RecordingJournal();
            PlanStep other = step("heroku-backup", Map.of("app", app, "addon", addon + "-x"));
            assertThatThrownBy(() ->
                            backup.ensure(failing.context("env", other)).await().atMost(WAIT))
                    .isInstanceOf(StepException.class)
                    .hasMessageContaining("failed");
            HerokuDouble.failBackups = false;
            StepOutcome recaptured =
                    backup.ensure(failing.context("env", other)).await().atMost(WAIT);
            assertThat(HerokuDouble.count("POST /client/v11/databases/" + addon + "-x/backups"))
                    .isEqualTo(2);
            assertThat(recaptured.outputs().get("transferId")).isEqualTo(failing.recorded.get("heroku-backup"));
        } finally {
            HerokuDouble.failBackups = false;
        }
    }
}

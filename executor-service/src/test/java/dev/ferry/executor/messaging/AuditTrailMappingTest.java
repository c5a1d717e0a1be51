package dev.ferry.executor.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.FerryEvent;
import dev.ferry.events.migration.CommandRejected;
import dev.ferry.events.migration.CompensationFailed;
import dev.ferry.events.migration.MigrationCancelled;
import dev.ferry.events.migration.MigrationPaused;
import dev.ferry.events.migration.StepProgress;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.executor.repository.AuditRecord;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditTrailMappingTest {
    private static final Instant T = Instant.parse("2026-01-31T09:00:00Z");

    private static Optional<AuditRecord> entry(FerryEvent data) {
        return AuditTrail.entryOf(CloudEvent.of("e-1", "/test", data, T));
    }

    @Test
    void aPlanApprovalIsAnEntryOfTheMigrationItWillStart() {
        AuditRecord r = entry(new PlanApproved("p1", 3, "bob", "fine", T)).orElseThrow();
        assertThat(r.eventId).isEqualTo("e-1");
        assertThat(r.migrationId).isEqualTo(PlansConsumer.migrationId("p1", 3));
        assertThat(r.planId).isEqualTo("p1");
        assertThat(r.planVersion).isEqualTo(3);
        assertThat(r.actor).isEqualTo("bob");
        assertThat(r.action).isEqualTo("approve-plan");
        assertThat(r.outcome).isEqualTo("accepted");
        assertThat(r.comment).isEqualTo("fine");
    }

    @Test
    void peoplesCommandsKeepTheirChannelAndReasons() {
        AuditRecord paused = entry(new MigrationPaused("m1", "ann", T, "slack")).orElseThrow();
        assertThat(paused.action).isEqualTo("pause");
        assertThat(paused.via).isEqualTo("slack");
        AuditRecord oldPause = entry(new MigrationPaused("m1", "ann", T)).orElseThrow();
        assertThat(oldPause.via).isNull();
        AuditRecord cancelled = entry(new MigrationCancelled("m1", "ann", "wrong window", T, "rest"))
                .orElseThrow();
        assertThat(cancelled.reason).isEqualTo("wrong window");
        AuditRecord refused = entry(new CommandRejected(
                        "m1", "c1", "retry-step", "s1", "ann", "slack", "Step s1 did not fail", T, T.plusSeconds(1)))
                .orElseThrow();
        assertThat(refused.action).isEqualTo("retry-step");
        assertThat(refused.outcome).isEqualTo("rejected");
        assertThat(refused.stepId).isEqualTo("s1");
        assertThat(refused.reason).isEqualTo("Step s1 did not fail");
        assertThat(refused.at).isEqualTo(T);
    }

    @Test
    void theEnginesWorkIsNotAnEntryButAGivenUpRollbackIs() {
        assertThat(entry(new StepStarted("m1", "s1", "ensure-app", 1, T))).isEmpty();
        assertThat(entry(new StepProgress("m1", "s1", "copy-postgres", 1, null, 1, 0, null, null, "x", T)))
                .isEmpty();
        assertThat(entry(new CompensationFailed("m1", "s1", "ensure-app", 1, "503", T, T.plusSeconds(1))))
                .isEmpty();
        AuditRecord gaveUp = entry(new CompensationFailed("m1", "s1", "ensure-app", 3, "503", T, null))
                .orElseThrow();
        assertThat(gaveUp.actor).isEqualTo("ferry");
        assertThat(gaveUp.action).isEqualTo("rollback-fail");
        assertThat(gaveUp.outcome).isEqualTo("recorded");
    }
}

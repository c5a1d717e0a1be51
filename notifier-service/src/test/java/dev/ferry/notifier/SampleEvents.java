package dev.ferry.notifier;

import dev.ferry.events.FerryEvent;
import dev.ferry.events.migration.GateApproved;
import dev.ferry.events.migration.GateOpened;
import dev.ferry.events.migration.MigrationCancelled;
import dev.ferry.events.migration.MigrationCompleted;
import dev.ferry.events.migration.MigrationFailed;
import dev.ferry.events.migration.MigrationPaused;
import dev.ferry.events.migration.MigrationResumed;
import dev.ferry.events.migration.MigrationRolledBack;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.migration.OperationRecorded;
import dev.ferry.events.migration.RollbackStarted;
import dev.ferry.events.migration.StepCompensated;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.migration.StepProgress;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanRejected;
import dev.ferry.events.plan.PlanStep;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One event of every kind people can subscribe to, about one plan and one migration. */
public final class SampleEvents {
    private SampleEvents() {}

    /** By kind, in the order a migration could produce them. */
    public static Map<String, FerryEvent> all(String planId, String migrationId) {
        Instant t = Instant.now();
        Map<String, FerryEvent> events = new LinkedHashMap<>();
        PlanStep step = new PlanStep(
                "app:shop-web",
                "ensure-app",
                "Create app shop-web",
                "It runs on Heroku",
                List.of(),
                Map.of("region", "us-east-1"),
                Map.of(),
                "shop-web",
                1,
                "approval",
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        events.put(
                "plan-proposed",
                new PlanProposed(
                        planId, 2, "disc-1", "acme-production", "alice", List.of(step), t, true, "abc123", 1, null));
        events.put("plan-approved", new PlanApproved(planId, 2, "bob", "ok", t));
        events.put("plan-rejected", new PlanRejected(planId, 2, "bob", "wrong stack", t));
        events.put(
                "migration-started",
                new MigrationStarted(migrationId, planId, 2, "acme-production", List.of("app:shop-web"), t));
        events.put("step-started", new StepStarted(migrationId, "app:shop-web", "ensure-app", 1, t));
        events.put(
                "step-progress",
                new StepProgress(
                        migrationId,
                        "db:orders",
                        "copy-database",
                        1024,
                        4096L,
                        10,
                        1,
                        4,
                        30L,
                        "Copied 1 of 4 tables",
                        t));
        events.put(
                "operation-recorded",
                new OperationRecorded(migrationId, "app:shop-web", "provision", "op-17", "apps/42", t));
        events.put(
                "step-succeeded",
                new StepSucceeded(
                        migrationId, "app:shop-web", "ensure-app", "Created app shop-web (id 42)", Map.of(), 1234, t));
        events.put(
                "step-failed",
                new StepFailed(
                        migrationId, "db:orders", "provision-database", 2, "Aptible answered 503 <busy>", 5300, t));
        events.put(
                "gate-opened",
                new GateOpened(
                        migrationId,
                        "cutover:dns",
                        "approval",
                        "Check the smoke tests, then approve the DNS switch",
                        t));
        events.put("gate-approved", new GateApproved(migrationId, "cutover:dns", "carol", "slack", null, t));
        events.put("migration-paused", new MigrationPaused(migrationId, "dave", t));
        events.put("migration-resumed", new MigrationResumed(migrationId, "dave", t));
        events.put("rollback-started", new RollbackStarted(migrationId, "erin", List.of("app:shop-web"), t));
        events.put(
                "step-compensated",
                new StepCompensated(migrationId, "app:shop-web", "ensure-app", "Deleted app shop-web", t));
        events.put("migration-rolled-back", new MigrationRolledBack(migrationId, t));
        events.put("migration-cancelled", new MigrationCancelled(migrationId, "erin", "wrong window", t));
        events.put("migration-completed", new MigrationCompleted(migrationId, planId, 3, 65_000, t));
        events.put(
                "migration-failed", new MigrationFailed(migrationId, planId, "db:orders", "Aptible answered 503", t));
        return events;
    }
}

package dev.ferry.executor.messaging;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.migration.CommandRejected;
import dev.ferry.events.migration.CompensationFailed;
import dev.ferry.events.migration.GateApproved;
import dev.ferry.events.migration.MigrationCancelled;
import dev.ferry.events.migration.MigrationCompleted;
import dev.ferry.events.migration.MigrationFailed;
import dev.ferry.events.migration.MigrationPaused;
import dev.ferry.events.migration.MigrationResumed;
import dev.ferry.events.migration.MigrationRolledBack;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.migration.RollbackStarted;
import dev.ferry.events.migration.StepRetried;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanRejected;
import dev.ferry.executor.repository.AuditRecord;
import java.time.Instant;
import java.util.Optional;

/**
 * Which events are audit entries, and what each says: people's requests and decisions (plan requested,
 * approved or rejected; gate approved; paused, resumed, retried, cancelled, rolled back; a refused
 * command with its reason) and the migration's own milestones (started, completed, failed, rolled back).
 */
public final class AuditTrail {
    /** The actor of milestones the engine records itself. */
    public static final String ENGINE = "ferry";

    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final String RECORDED = "recorded";

    private AuditTrail() {}

    /** The entry an event makes, if it makes one. */
    public static Optional<AuditRecord> entryOf(CloudEvent event) {
        Object data = event.data();
        Entry e;
        if (data instanceof PlanProposed p) {
            e = new Entry(plan(p.planId(), p.version()), p.proposedAt(), p.requestedBy(), "request-plan", ACCEPTED)
                    .plan(p.planId(), p.version());
        } else if (data instanceof PlanApproved p) {
            e = new Entry(plan(p.planId(), p.version()), p.approvedAt(), p.approvedBy(), "approve-plan", ACCEPTED)
                    .plan(p.planId(), p.version())
                    .comment(p.comment());
        } else if (data instanceof PlanRejected p) {
            e = new Entry(plan(p.planId(), p.version()), p.rejectedAt(), p.rejectedBy(), "reject-plan", ACCEPTED)
                    .plan(p.planId(), p.version())
                    .comment(p.comment());
        } else if (data instanceof MigrationStarted s) {
            e = new Entry(s.migrationId(), s.startedAt(), ENGINE, "start", RECORDED).plan(s.planId(), s.planVersion());
        } else if (data instanceof GateApproved g) {
            e = new Entry(g.migrationId(), g.approvedAt(), g.approvedBy(), "approve-gate", ACCEPTED)
                    .step(g.stepId())
                    .via(g.via())
                    .comment(g.comment());
        } else if (data instanceof StepRetried r) {
            e = new Entry(r.migrationId(), r.at(), r.by(), "retry-step", ACCEPTED)
                    .step(r.stepId())
                    .via(r.via());
        } else if (data instanceof MigrationPaused p) {
            e = new Entry(p.migrationId(), p.at(), p.by(), "pause", ACCEPTED).via(p.via());
        } else if (data instanceof MigrationResumed r) {
            e = new Entry(r.migrationId(), r.at(), r.by(), "resume", ACCEPTED).via(r.via());
        } else if (data instanceof MigrationCancelled c) {
            e = new Entry(c.migrationId(), c.at(), c.by(), "cancel", ACCEPTED)
                    .via(c.via())
                    .reason(c.reason());
        } else if (data instanceof RollbackStarted r) {
            e = new Entry(r.migrationId(), r.at(), r.by(), "rollback", ACCEPTED).via(r.via());
        } else if (data instanceof CommandRejected r) {
            e = new Entry(r.migrationId(), r.requestedAt(), r.requestedBy(), r.action(), REJECTED)
                    .step(r.stepId())
                    .via(r.via())
                    .reason(r.reason());
        } else if (data instanceof MigrationCompleted c) {
            e = new Entry(c.migrationId(), c.completedAt(), ENGINE, "complete", RECORDED).plan(c.planId(), null);
        } else if (data instanceof MigrationFailed f) {
            e = new Entry(f.migrationId(), f.failedAt(), ENGINE, "fail", RECORDED)
                    .plan(f.planId(), null)
                    .step(f.failedStepId())
                    .reason(f.reason());
        } else if (data instanceof CompensationFailed f && f.retryAt() == null) {
            e = new Entry(f.migrationId(), f.failedAt(), ENGINE, "rollback-fail", RECORDED)
                    .step(f.stepId())
                    .reason(f.error());
        } else if (data instanceof MigrationRolledBack r) {
            e = new Entry(r.migrationId(), r.at(), ENGINE, "rolled-back", RECORDED);
        } else {
            return Optional.empty();
        }
        return Optional.of(e.record(event.id()));
    }

    private static String plan(String planId, int version) {
        return PlansConsumer.migrationId(planId, version);
    }

    /** An entry being built. */
    private static final class Entry {
        private final AuditRecord r = new AuditRecord();

        Entry(String migrationId, Instant at, String actor, String action, String outcome) {
            r.migrationId = migrationId;
            r.at = at;
            r.actor = actor == null || actor.isBlank() ? "unknown" : actor;
            r.action = action;
            r.outcome = outcome;
        }

        Entry plan(String planId, Integer version) {
            r.planId = planId;
            r.planVersion = version;
            return this;
        }

        Entry step(String stepId) {
            r.stepId = stepId;
            return this;
        }

        Entry via(String via) {
            r.via = via;
            return this;
        }

        Entry reason(String reason) {
            r.reason = reason;
            return this;
        }

        Entry comment(String comment) {
            r.comment = comment;
            return this;
        }

        AuditRecord record(String eventId) {
            r.eventId = eventId;
            return r;
        }
    }
}

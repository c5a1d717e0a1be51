package dev.ferry.executor.messaging;

import dev.ferry.common.projection.Projection;
import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.migration.MigrationCompleted;
import dev.ferry.events.migration.MigrationFailed;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanRejected;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.executor.domain.Migration;
import dev.ferry.executor.repository.MigrationRecord;
import dev.ferry.executor.repository.PlanRecord;
import dev.ferry.executor.repository.Repositories;
import dev.ferry.executor.repository.StepRecord;
import dev.ferry.executor.service.MigrationStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Builds the executor's read model of plans and migrations from ferry.plans and ferry.migrations. */
@ApplicationScoped
public class ExecutorProjection implements Projection {

    private final Repositories.Plans plans;
    private final Repositories.Migrations migrations;
    private final Repositories.Steps steps;

    public ExecutorProjection(Repositories.Plans plans, Repositories.Migrations migrations, Repositories.Steps steps) {
        this.plans = plans;
        this.migrations = migrations;
        this.steps = steps;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.PLANS, Topics.MIGRATIONS);
    }

    @Override
    public Uni<Void> reset() {
        return steps.deleteAll()
                .flatMap(n -> migrations.deleteAll())
                .flatMap(n -> plans.deleteAll())
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(CloudEvent event) {
        Object data = event.data();
        if (data instanceof PlanProposed p) {
            return proposed(p);
        } else if (data instanceof PlanApproved a) {
            return planStatus(a.planId(), a.version(), "approved");
        } else if (data instanceof PlanRejected r) {
            return planStatus(r.planId(), r.version(), "rejected");
        } else if (data instanceof MigrationStarted s) {
            return started(s);
        } else if (data instanceof StepStarted s) {
            return step(s.migrationId(), s.stepId(), s.startedAt(), r -> {
                r.status = "running";
                r.attempts = s.attempt();
                r.startedAt = s.startedAt();
                r.error = null;
            });
        } else if (data instanceof StepSucceeded s) {
            return step(s.migrationId(), s.stepId(), s.completedAt(), r -> {
                r.status = Migration.Step.SUCCEEDED;
                r.summary = s.summary();
                r.outputsJson = ProjectionJson.write(s.outputs());
                r.durationMs = s.durationMs();
                r.finishedAt = s.completedAt();
                r.error = null;
            });
        } else if (data instanceof StepFailed s) {
            return step(s.migrationId(), s.stepId(), s.failedAt(), r -> {
                r.status = "failed";
                r.attempts = Math.max(r.attempts, s.attempt());
                r.error = s.error();
                r.durationMs = s.durationMs();
                r.finishedAt = s.failedAt();
            });
        } else if (data instanceof MigrationCompleted c) {
            return migration(c.migrationId(), c.completedAt(), m -> {
                m.status = Migration.COMPLETED;
                m.finishedAt = c.completedAt();
            });
        } else if (data instanceof MigrationFailed f) {
            return migration(f.migrationId(), f.failedAt(), m -> {
                m.status = Migration.FAILED;
                m.failedStep = f.failedStepId();
                m.failureReason = f.reason();
                m.finishedAt = f.failedAt();
            });
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> proposed(PlanProposed p) {
        return plans.findById(p.planId()).flatMap(existing -> {
            if (existing != null && existing.version >= p.version()) {
                return Uni.createFrom().voidItem();
            }
            PlanRecord plan = existing == null ? new PlanRecord() : existing;
            plan.id = p.planId();
            plan.version = p.version();
            plan.environment = p.environment();
            plan.status = "proposed";
            plan.stepsJson = ProjectionJson.write(p.steps());
            return existing == null
                    ? plans.persist(plan).replaceWithVoid()
                    : Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> planStatus(String planId, int version, String status) {
        return plans.findById(planId)
                .invoke(plan -> {
                    if (plan != null && plan.version == version) {
                        plan.status = status;
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> started(MigrationStarted s) {
        return migrations.findById(s.migrationId()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            MigrationRecord m = new MigrationRecord();
            m.id = s.migrationId();
            m.planId = s.planId();
            m.planVersion = s.planVersion();
            m.environment = s.environment();
            m.status = Migration.RUNNING;
            m.startedAt = s.startedAt();
            m.lastEventAt = s.startedAt();
            return plans.findById(s.planId())
                    .flatMap(plan -> migrations.persist(m).replaceWith(plan))
                    .flatMap(plan -> Multi.createFrom()
                            .iterable(stepRecords(s, plan))
                            .onItem()
                            .transformToUniAndConcatenate(steps::persist)
                            .collect()
                            .last())
                    .replaceWithVoid();
        });
    }

    private static List<StepRecord> stepRecords(MigrationStarted s, PlanRecord plan) {
        List<PlanStep> planSteps = plan == null ? List.of() : MigrationStore.steps(plan);
        Map<String, String> types = new java.util.HashMap<>();
        planSteps.forEach(p -> types.put(p.id(), p.type()));
        List<StepRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < s.stepIds().size(); i++) {
            StepRecord r = new StepRecord();
            r.migrationId = s.migrationId();
            r.stepId = s.stepIds().get(i);
            r.position = i;
            r.stepType = types.getOrDefault(r.stepId, "unknown");
            r.status = Migration.Step.PENDING;
            r.outputsJson = "{}";
            records.add(r);
        }
        return records;
    }

    private Uni<Void> step(String migrationId, String stepId, Instant at, Consumer<StepRecord> change) {
        return steps.find(migrationId, stepId)
                .invoke(r -> {
                    if (r != null) {
                        change.accept(r);
                    }
                })
                .flatMap(r -> migration(migrationId, at, m -> {}));
    }

    private Uni<Void> migration(String migrationId, Instant at, Consumer<MigrationRecord> change) {
        return migrations
                .findById(migrationId)
                .invoke(m -> {
                    if (m != null) {
                        change.accept(m);
                        if (m.lastEventAt == null || at.isAfter(m.lastEventAt)) {
                            m.lastEventAt = at;
                        }
                    }
                })
                .replaceWithVoid();
    }
}

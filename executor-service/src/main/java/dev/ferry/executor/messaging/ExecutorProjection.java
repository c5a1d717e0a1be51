package dev.ferry.executor.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ferry.common.projection.Projection;
import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.migration.MigrationEvent;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.migration.StepCompensated;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.migration.StepProgress;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanRejected;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.executor.domain.Migration;
import dev.ferry.executor.domain.StepState;
import dev.ferry.executor.repository.MigrationRecord;
import dev.ferry.executor.repository.PlanRecord;
import dev.ferry.executor.repository.Repositories;
import dev.ferry.executor.repository.StepRecord;
import dev.ferry.executor.service.MigrationStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Builds the executor's read model of plans and migrations from ferry.plans and ferry.migrations. */
@ApplicationScoped
public class ExecutorProjection implements Projection {
    private static final Logger LOG = Logger.getLogger(ExecutorProjection.class);
    private static final int MAX_LOG_LINES = 200;
    private static final TypeReference<List<StepLog.Line>> LOG_LINES = new TypeReference<>() {};

    private final Repositories.Plans plans;
    private final Repositories.Migrations migrations;
    private final Repositories.Steps steps;
    private final AuditProjection audit;

    public ExecutorProjection(
            Repositories.Plans plans,
            Repositories.Migrations migrations,
            Repositories.Steps steps,
            AuditProjection audit) {
        this.plans = plans;
        this.migrations = migrations;
        this.steps = steps;
        this.audit = audit;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.PLANS, Topics.MIGRATIONS);
    }

    @Override
    public Uni<Void> reset() {
        return audit.reset()
                .flatMap(v -> steps.deleteAll())
                .flatMap(n -> migrations.deleteAll())
                .flatMap(n -> plans.deleteAll())
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(CloudEvent event) {
        return audit.apply(event).flatMap(v -> state(event));
    }

    private Uni<Void> state(CloudEvent event) {
        Object data = event.data();
        if (data instanceof PlanProposed p) {
            return proposed(p);
        } else if (data instanceof PlanApproved a) {
            return planStatus(a.planId(), a.version(), "approved");
        } else if (data instanceof PlanRejected r) {
            return planStatus(r.planId(), r.version(), "rejected");
        } else if (data instanceof MigrationStarted s) {
            return started(s);
        } else if (data instanceof MigrationEvent e) {
            return evolve(e);
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
                    if (plan != null && plan.version == version && "proposed".equals(plan.status)) {
                        plan.status = status; // the first decision on the log wins, as in the planner
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> started(MigrationStarted s) {
        return migrations.findById(s.migrationId()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            return plans.findById(s.planId()).flatMap(plan -> {
                Map<String, PlanStep> planSteps = plan == null
                        ? Map.of()
                        : MigrationStore.steps(plan).stream()
                                .collect(Collectors.toMap(PlanStep::id, Function.identity()));
                Migration state = Migration.start(s, planSteps);
                MigrationRecord m = new MigrationRecord();
                m.id = s.migrationId();
                m.planId = s.planId();
                m.planVersion = s.planVersion();
                m.environment = s.environment();
                m.startedAt = s.startedAt();
                write(m, state);
                List<StepRecord> records = new ArrayList<>();
                for (int i = 0; i < state.steps().size(); i++) {
                    StepState step = state.steps().get(i);
                    StepRecord r = new StepRecord();
                    r.migrationId = s.migrationId();
                    r.stepId = step.id();
                    r.position = i;
                    r.stepType = step.type();
                    r.outputsJson = "{}";
                    sync(r, step);
                    records.add(r);
                }
                return migrations
                        .persist(m)
                        .flatMap(persisted -> Multi.createFrom()
                                .iterable(records)
                                .onItem()
                                .transformToUniAndConcatenate(steps::persist)
                                .collect()
                                .last())
                        .replaceWithVoid();
            });
        });
    }

    /** Folds one more event into the aggregate and refreshes the rows people read. */
    private Uni<Void> evolve(MigrationEvent event) {
        return migrations.findById(event.migrationId()).flatMap(m -> {
            if (m == null || m.stateJson == null) {
                LOG.warnf(
                        "Skipping %s for migration %s: its start was not projected",
                        event.getClass().getSimpleName(), event.migrationId());
                return Uni.createFrom().voidItem();
            }
            Migration before = ProjectionJson.read(m.stateJson, Migration.class);
            Migration after = before.evolve(event);
            write(m, after);
            if (after.ended() && m.finishedAt == null) {
                m.finishedAt = after.lastEventAt();
            } else if (after.status().equals(Migration.FAILED)) {
                m.finishedAt = after.lastEventAt();
            } else if (!after.ended() && !after.status().equals(Migration.FAILED)) {
                m.finishedAt = null;
            }
            Optional<String> stepId = StepLog.stepOf(event);
            if (stepId.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return steps.find(event.migrationId(), stepId.get())
                    .invoke(r -> {
                        if (r != null) {
                            after.step(stepId.get()).ifPresent(step -> sync(r, step));
                            details(r, event);
                        }
                    })
                    .replaceWithVoid();
        });
    }

    private static void write(MigrationRecord m, Migration state) {
        m.stateJson = ProjectionJson.write(state);
        m.status = state.status();
        m.failedStep = state.failedStep();
        m.failureReason = state.failureReason();
        m.lastEventAt = state.lastEventAt();
    }

    /** Copies what the aggregate knows about a step into its row. */
    private static void sync(StepRecord r, StepState step) {
        r.status = step.status();
        r.attempts = step.attempts();
        r.summary = step.summary();
        r.error = step.error();
        r.retryAt = step.retryAt() != null ? step.retryAt() : step.compensationRetryAt();
        r.outputsJson = ProjectionJson.write(step.outputs());
        r.operationsJson = ProjectionJson.write(step.operations());
        if (step.gate() != null) {
            r.gate = step.gate().kind();
            r.gateInstructions = step.gate().instructions();
        } else if (step.waitSeconds() > 0) {
            r.gate = "timed-wait";
            r.gateInstructions = "Waits " + step.waitSeconds() + " s";
        }
        if (step.approval() != null && step.approval().approved()) {
            r.approvedBy = step.approval().by();
            r.approvedVia = step.approval().via();
            r.approvedAt = step.approval().at();
        }
    }

    /** What only the event knows: times, durations, progress and the log line. */
    private static void details(StepRecord r, MigrationEvent event) {
        if (event instanceof StepStarted s) {
            r.startedAt = s.startedAt();
            r.finishedAt = null;
            r.durationMs = null;
        } else if (event instanceof StepSucceeded s) {
            r.durationMs = s.durationMs();
            r.finishedAt = s.completedAt();
            r.progress = null;
        } else if (event instanceof StepFailed s) {
            r.durationMs = s.durationMs();
            r.finishedAt = s.failedAt();
        } else if (event instanceof StepProgress p) {
            r.progress = p.message();
        } else if (event instanceof StepCompensated c) {
            r.compensatedAt = c.at();
        }
        StepLog.of(event).ifPresent(line -> {
            List<StepLog.Line> lines = new ArrayList<>(ProjectionJson.read(r.logJson, LOG_LINES));
            lines.add(line);
            if (lines.size() > MAX_LOG_LINES) {
                lines = lines.subList(lines.size() - MAX_LOG_LINES, lines.size());
            }
            r.logJson = ProjectionJson.write(lines);
        });
    }
}

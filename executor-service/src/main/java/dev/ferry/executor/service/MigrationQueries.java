package dev.ferry.executor.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.common.rest.ProblemException;
import dev.ferry.executor.repository.MigrationRecord;
import dev.ferry.executor.repository.Repositories;
import dev.ferry.executor.repository.StepRecord;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Answers questions about migrations from the projection alone. */
@ApplicationScoped
public class MigrationQueries {
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<LogLine>> LOG = new TypeReference<>() {};

    private final Repositories.Migrations migrations;
    private final Repositories.Steps steps;

    public MigrationQueries(Repositories.Migrations migrations, Repositories.Steps steps) {
        this.migrations = migrations;
        this.steps = steps;
    }

    /** A migration without its steps. */
    public record MigrationSummary(
            String id,
            String planId,
            int planVersion,
            String environment,
            String status,
            String failedStep,
            String failureReason,
            Instant startedAt,
            Instant finishedAt) {
        static MigrationSummary of(MigrationRecord m) {
            return new MigrationSummary(
                    m.id,
                    m.planId,
                    m.planVersion,
                    m.environment,
                    m.status,
                    m.failedStep,
                    m.failureReason,
                    m.startedAt,
                    m.finishedAt);
        }
    }

    /** A person's approval of a step's gate. */
    public record ApprovalView(String by, String via, Instant at) {}

    /** One step's state, attempts, duration, gate, operations and outcome. */
    public record StepView(
            String stepId,
            String stepType,
            String status,
            int attempts,
            String summary,
            String error,
            Long durationMs,
            Map<String, String> outputs,
            Map<String, String> operations,
            String gate,
            String gateInstructions,
            ApprovalView approval,
            Instant retryAt,
            String progress,
            Instant startedAt,
            Instant finishedAt,
            Instant compensatedAt) {
        static StepView of(StepRecord r) {
            return new StepView(
                    r.stepId,
                    r.stepType,
                    r.status,
                    r.attempts,
                    r.summary,
                    r.error,
                    r.durationMs,
                    ProjectionJson.read(r.outputsJson, STRINGS),
                    ProjectionJson.read(r.operationsJson, STRINGS),
                    r.gate,
                    r.gateInstructions,
                    r.approvedBy == null ? null : new ApprovalView(r.approvedBy, r.approvedVia, r.approvedAt),
                    r.retryAt,
                    r.progress,
                    r.startedAt,
                    r.finishedAt,
                    r.compensatedAt);
        }
    }

    /** One line of a step's log. */
    public record LogLine(Instant at, String line) {}

    /** A step with its log. */
    public record StepDetail(String migrationId, StepView step, List<LogLine> log) {}

    /** A migration with its steps in plan order. */
    public record MigrationDetail(MigrationSummary migration, List<StepView> steps) {}

    @WithSession
    public Uni<List<MigrationSummary>> list() {
        return migrations
                .newestFirst()
                .map(list -> list.stream().map(MigrationSummary::of).toList());
    }

    @WithSession
    public Uni<MigrationDetail> get(String id) {
        return migrations
                .findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No migration with id " + id))
                .flatMap(m -> steps.of(id)
                        .map(list -> new MigrationDetail(
                                MigrationSummary.of(m),
                                list.stream().map(StepView::of).toList())));
    }

    @WithSession
    public Uni<StepDetail> step(String id, String stepId) {
        return migrations
                .findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No migration with id " + id))
                .flatMap(m -> steps.find(id, stepId))
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Migration " + id + " has no step " + stepId))
                .map(r -> new StepDetail(id, StepView.of(r), ProjectionJson.read(r.logJson, LOG)));
    }
}

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
    private static final TypeReference<Map<String, String>> OUTPUTS = new TypeReference<>() {};

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

    /** One step's state, duration and outcome. */
    public record StepView(
            String stepId,
            String stepType,
            String status,
            int attempts,
            String summary,
            String error,
            Long durationMs,
            Map<String, String> outputs,
            Instant startedAt,
            Instant finishedAt) {
        static StepView of(StepRecord r) {
            return new StepView(
                    r.stepId,
                    r.stepType,
                    r.status,
                    r.attempts,
                    r.summary,
                    r.error,
                    r.durationMs,
                    ProjectionJson.read(r.outputsJson, OUTPUTS),
                    r.startedAt,
                    r.finishedAt);
        }
    }

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
}

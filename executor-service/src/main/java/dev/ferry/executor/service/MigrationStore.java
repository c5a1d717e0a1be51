package dev.ferry.executor.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.executor.domain.Migration;
import dev.ferry.executor.repository.MigrationRecord;
import dev.ferry.executor.repository.PlanRecord;
import dev.ferry.executor.repository.Repositories;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Loads migration aggregates and their plans from the projection, in a session of its own. */
@ApplicationScoped
public class MigrationStore {
    private static final TypeReference<List<PlanStep>> STEPS = new TypeReference<>() {};

    private final Repositories.Plans plans;
    private final Repositories.Migrations migrations;

    public MigrationStore(Repositories.Plans plans, Repositories.Migrations migrations) {
        this.plans = plans;
        this.migrations = migrations;
    }

    /** A migration with the plan steps it runs. */
    public record Loaded(Migration migration, Map<String, PlanStep> planSteps) {}

    /** The aggregate and its plan, or null when the migration is unknown. */
    public Uni<Loaded> load(String migrationId) {
        // One reactive session runs one query at a time: read the two tables in sequence.
        return Panache.withSession(() -> migrations
                .findById(migrationId)
                .flatMap(m -> m == null || m.stateJson == null
                        ? Uni.createFrom().nullItem()
                        : plans.findById(m.planId).map(plan -> loaded(m, plan))));
    }

    /** A plan as proposed, if the executor knows it. */
    public Uni<PlanRecord> plan(String planId) {
        return Panache.withSession(() -> plans.findById(planId));
    }

    /** Migrations the engine still moves (running or rolling back). */
    public Uni<List<String>> active() {
        return Panache.withSession(() -> migrations.active())
                .map(list -> list.stream().map(m -> m.id).toList());
    }

    public static List<PlanStep> steps(PlanRecord plan) {
        return ProjectionJson.read(plan.stepsJson, STEPS);
    }

    private static Loaded loaded(MigrationRecord m, PlanRecord plan) {
        Map<String, PlanStep> planSteps = plan == null
                ? Map.of()
                : steps(plan).stream().collect(Collectors.toMap(PlanStep::id, Function.identity()));
        return new Loaded(ProjectionJson.read(m.stateJson, Migration.class), planSteps);
    }
}

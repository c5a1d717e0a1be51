package dev.ferry.executor.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.executor.domain.Migration;
import dev.ferry.executor.repository.MigrationRecord;
import dev.ferry.executor.repository.PlanRecord;
import dev.ferry.executor.repository.Repositories;
import dev.ferry.executor.repository.StepRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Loads migrations and their plans from the projection, in a session of its own. */
@ApplicationScoped
public class MigrationStore {
    private static final TypeReference<List<PlanStep>> STEPS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> OUTPUTS = new TypeReference<>() {};

    private final Repositories.Plans plans;
    private final Repositories.Migrations migrations;
    private final Repositories.Steps steps;

    public MigrationStore(Repositories.Plans plans, Repositories.Migrations migrations, Repositories.Steps steps) {
        this.plans = plans;
        this.migrations = migrations;
        this.steps = steps;
    }

    /** A migration with the plan steps it runs. */
    public record Loaded(Migration migration, Map<String, PlanStep> planSteps) {}

    public Uni<Loaded> load(String migrationId) {
        // One reactive session runs one query at a time: read the three tables in sequence.
        return Panache.withSession(() -> migrations
                .findById(migrationId)
                .flatMap(m -> m == null
                        ? Uni.createFrom().nullItem()
                        : steps.of(migrationId)
                                .flatMap(records -> plans.findById(m.planId).map(plan -> loaded(m, records, plan)))));
    }

    /** A plan as proposed, if the executor knows it. */
    public Uni<PlanRecord> plan(String planId) {
        return Panache.withSession(() -> plans.findById(planId));
    }

    /** Running migrations whose last event is older than the given instant. */
    public Uni<List<String>> quietRunning(Instant before) {
        return Panache.withSession(() -> migrations.running())
                .map(list -> list.stream()
                        .filter(m -> m.lastEventAt.isBefore(before))
                        .map(m -> m.id)
                        .toList());
    }

    public static List<PlanStep> steps(PlanRecord plan) {
        return ProjectionJson.read(plan.stepsJson, STEPS);
    }

    private static Loaded loaded(MigrationRecord m, List<StepRecord> records, PlanRecord plan) {
        Map<String, PlanStep> planSteps = plan == null
                ? Map.of()
                : steps(plan).stream().collect(Collectors.toMap(PlanStep::id, Function.identity()));
        List<Migration.Step> stepStates = records.stream()
                .map(r -> new Migration.Step(
                        r.stepId,
                        r.stepType,
                        r.status,
                        r.attempts,
                        planSteps.containsKey(r.stepId)
                                ? planSteps.get(r.stepId).dependsOn()
                                : List.of(),
                        ProjectionJson.read(r.outputsJson, OUTPUTS)))
                .toList();
        return new Loaded(
                new Migration(m.id, m.planId, m.planVersion, m.environment, m.status, m.startedAt, stepStates),
                planSteps);
    }
}

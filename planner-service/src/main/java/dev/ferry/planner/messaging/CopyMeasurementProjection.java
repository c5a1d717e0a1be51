package dev.ferry.planner.messaging;

import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.planner.domain.CopyMeasurement;
import dev.ferry.planner.domain.PlanDocument;
import dev.ferry.planner.domain.StepView;
import dev.ferry.planner.repository.CopyMeasurementEntity;
import dev.ferry.planner.repository.CopyMeasurementRepository;
import dev.ferry.planner.repository.MeasuredMigrationEntity;
import dev.ferry.planner.repository.MeasuredMigrationRepository;
import dev.ferry.planner.repository.PlanVersionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Keeps the copies the executor measured (ferry.migrations), so later plan versions predict windows
 * from them: a migration's plan version when it starts, and each succeeded copy-postgres step with
 * its size, duration and the add-on it copied (the step's {@code sourceAddon} in that plan version).
 */
@ApplicationScoped
public class CopyMeasurementProjection {
    private final MeasuredMigrationRepository migrations;
    private final CopyMeasurementRepository measurements;
    private final PlanVersionRepository versions;

    public CopyMeasurementProjection(
            MeasuredMigrationRepository migrations,
            CopyMeasurementRepository measurements,
            PlanVersionRepository versions) {
        this.migrations = migrations;
        this.measurements = measurements;
        this.versions = versions;
    }

    /** Whether an event changes this projection; the others need not even be recorded as processed. */
    public static boolean relevant(CloudEvent event) {
        return event.data() instanceof MigrationStarted
                || event.data() instanceof StepSucceeded done && CopyMeasurement.COPY_POSTGRES.equals(done.stepType());
    }

    public Uni<Void> apply(CloudEvent event) {
        if (event.data() instanceof MigrationStarted started) {
            return started(started);
        }
        if (event.data() instanceof StepSucceeded done && CopyMeasurement.COPY_POSTGRES.equals(done.stepType())) {
            return succeeded(event.id(), done);
        }
        return Uni.createFrom().voidItem();
    }

    public Uni<Void> reset() {
        return measurements.deleteAll().flatMap(n -> migrations.deleteAll()).replaceWithVoid();
    }

    private Uni<Void> started(MigrationStarted started) {
        if (started.stepIds().stream().noneMatch(id -> id.startsWith("copy:"))) {
            return Uni.createFrom().voidItem();
        }
        return migrations.findById(started.migrationId()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            MeasuredMigrationEntity migration = new MeasuredMigrationEntity();
            migration.migrationId = started.migrationId();
            migration.planId = started.planId();
            migration.planVersion = started.planVersion();
            return migrations.persist(migration).replaceWithVoid();
        });
    }

    /**
     * The step's add-on and strategy come from the plan version the migration runs. That version was
     * projected before it could be approved and started, and a replay reads ferry.plans first; when it
     * is missing all the same, the copy still counts for the estate, only not for its add-on.
     */
    private Uni<Void> succeeded(String eventId, StepSucceeded done) {
        return migrations
                .findById(done.migrationId())
                .flatMap(migration -> step(migration, done.stepId()).flatMap(step -> {
                    Optional<CopyMeasurement> measured = CopyMeasurement.of(
                            done,
                            migration == null ? null : migration.planId,
                            step.map(s -> s.parameters().get("sourceAddon")).orElse(null),
                            step.map(s -> s.parameters().get("strategy")).orElse(null));
                    if (measured.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return measurements
                            .findById(eventId)
                            .flatMap(existing -> existing != null
                                    ? Uni.createFrom().voidItem()
                                    : measurements
                                            .persist(CopyMeasurementEntity.of(eventId, measured.get()))
                                            .replaceWithVoid());
                }));
    }

    private Uni<Optional<StepView>> step(MeasuredMigrationEntity migration, String stepId) {
        if (migration == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return versions.find(migration.planId, migration.planVersion)
                .map(version -> version == null
                        ? Optional.<StepView>empty()
                        : ProjectionJson.read(version.documentJson, PlanDocument.class)
                                .step(stepId));
    }
}

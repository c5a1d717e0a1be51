package dev.ferry.executor.service;

import dev.ferry.executor.domain.Migration;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The changes of one migration as a stream, for Server-Sent Events: every step whose state or progress
 * changed, then the migration's own status changes, read from the projection so it works on any instance.
 */
@ApplicationScoped
public class MigrationStream {
    private static final Set<String> FINAL =
            Set.of(Migration.COMPLETED, Migration.CANCELLED, Migration.ROLLED_BACK, Migration.ROLLBACK_FAILED);

    private final MigrationQueries queries;
    private final Vertx vertx;

    public MigrationStream(MigrationQueries queries, Vertx vertx) {
        this.queries = queries;
        this.vertx = vertx;
    }

    /** Runs a projection read on a fresh Vert.x context: the repeat's delay resumes on a plain thread. */
    private <T> Uni<T> onVertxContext(Supplier<Uni<T>> read) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> read.get().subscribe().with(emitter::complete, emitter::fail));
        });
    }

    /** One change: a step's new view, or the migration's new status. */
    public record Change(String kind, String migrationId, String status, MigrationQueries.StepView step) {}

    /** Changes from now on, starting with the current state of every step; ends once the migration ended. */
    public Multi<Change> follow(String migrationId, Duration every) {
        Map<String, MigrationQueries.StepView> seen = new HashMap<>();
        String[] status = {null};
        return Multi.createBy()
                .repeating()
                .uni(() -> onVertxContext(() -> queries.get(migrationId)))
                .withDelay(every)
                .whilst(detail -> !FINAL.contains(detail.migration().status()))
                .onItem()
                .transformToIterable(detail -> {
                    List<Change> changes = new ArrayList<>();
                    for (MigrationQueries.StepView step : detail.steps()) {
                        if (!step.equals(seen.put(step.stepId(), step))) {
                            changes.add(new Change(
                                    "step", migrationId, detail.migration().status(), step));
                        }
                    }
                    if (!detail.migration().status().equals(status[0])) {
                        status[0] = detail.migration().status();
                        changes.add(new Change("migration", migrationId, status[0], null));
                    }
                    return changes;
                });
    }
}

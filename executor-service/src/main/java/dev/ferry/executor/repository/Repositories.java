package dev.ferry.executor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Repositories of the executor's projection. */
public final class Repositories {
    private Repositories() {}

    /** Plans the executor knows. */
    @ApplicationScoped
    public static class Plans implements PanacheRepositoryBase<PlanRecord, String> {}

    /** Migrations, newest first. */
    @ApplicationScoped
    public static class Migrations implements PanacheRepositoryBase<MigrationRecord, String> {
        public Uni<List<MigrationRecord>> newestFirst() {
            return listAll(Sort.descending("startedAt").and("id"));
        }

        /** Migrations the engine still moves: running or rolling back. */
        public Uni<List<MigrationRecord>> active() {
            return list("status in ?1", List.of("running", "rolling-back"));
        }
    }

    /** Steps of migrations, in plan order. */
    @ApplicationScoped
    public static class Steps implements PanacheRepositoryBase<StepRecord, StepRecord.Key> {
        public Uni<List<StepRecord>> of(String migrationId) {
            return list("migrationId", Sort.ascending("position"), migrationId);
        }

        public Uni<StepRecord> find(String migrationId, String stepId) {
            return find("migrationId = ?1 and stepId = ?2", migrationId, stepId).firstResult();
        }
    }
}

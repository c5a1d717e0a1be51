package dev.ferry.executor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
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

    /** The audit trail, oldest first (entries with the same time in log order). */
    @ApplicationScoped
    public static class Audit implements PanacheRepositoryBase<AuditRecord, String> {
        static final Sort ORDER = Sort.ascending("at").and("seq");

        public Uni<List<AuditRecord>> of(String migrationId) {
            return list("migrationId", ORDER, migrationId);
        }

        /** A page of the entries that match the filters (each null when not filtering). */
        public Uni<List<AuditRecord>> search(
                String actor, String migrationId, Instant since, String action, int offset, int limit) {
            Query q = Query.of(actor, migrationId, since, action);
            return find(q.where, ORDER, q.params)
                    .range(offset, offset + limit - 1)
                    .list();
        }

        public Uni<Long> count(String actor, String migrationId, Instant since, String action) {
            Query q = Query.of(actor, migrationId, since, action);
            return count(q.where, q.params);
        }

        private record Query(String where, Parameters params) {
            static Query of(String actor, String migrationId, Instant since, String action) {
                List<String> clauses = new ArrayList<>();
                Parameters params = new Parameters();
                if (actor != null) {
                    clauses.add("actor = :actor");
                    params = params.and("actor", actor);
                }
                if (migrationId != null) {
                    clauses.add("migrationId = :migration");
                    params = params.and("migration", migrationId);
                }
                if (since != null) {
                    clauses.add("at >= :since");
                    params = params.and("since", since);
                }
                if (action != null) {
                    clauses.add("action = :action");
                    params = params.and("action", action);
                }
                return new Query(clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses), params);
            }
        }
    }

    /** Every plan version the executor saw. */
    @ApplicationScoped
    public static class PlanVersions implements PanacheRepositoryBase<PlanVersionRecord, PlanVersionRecord.Key> {
        public Uni<PlanVersionRecord> find(String planId, int version) {
            return find("planId = ?1 and version = ?2", planId, version).firstResult();
        }
    }
}

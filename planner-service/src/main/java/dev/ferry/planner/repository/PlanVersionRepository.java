package dev.ferry.planner.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads and writes the versions of plans. */
@ApplicationScoped
public class PlanVersionRepository implements PanacheRepositoryBase<PlanVersionEntity, String> {

    public Uni<PlanVersionEntity> find(String planId, int version) {
        return findById(PlanVersionEntity.key(planId, version));
    }

    public Uni<List<PlanVersionEntity>> versionsOf(String planId) {
        return list("planId", Sort.ascending("version"), planId);
    }
}

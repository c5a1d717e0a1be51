package dev.ferry.planner.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads and writes the plan projection. */
@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<PlanEntity, String> {

    public Uni<List<PlanEntity>> newestFirst() {
        return listAll(Sort.descending("proposedAt").and("id"));
    }
}

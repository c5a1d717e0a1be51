package dev.ferry.planner.repository;

import dev.ferry.planner.domain.CopyMeasurement;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Reads and writes measured copies. */
@ApplicationScoped
public class CopyMeasurementRepository implements PanacheRepositoryBase<CopyMeasurementEntity, String> {

    /**
     * An estate's measured copies: those of the plan's migrations and those of its add-ons (Heroku
     * add-on names are globally unique, so a copy measured under another discovery scope counts too).
     */
    public Uni<List<CopyMeasurement>> ofEstate(String planId, Collection<String> addons) {
        Sort order = Sort.ascending("measuredAt", "eventId");
        Uni<List<CopyMeasurementEntity>> found = addons.isEmpty()
                ? list("planId", order, planId)
                : list("planId = ?1 or sourceAddon in ?2", order, planId, List.copyOf(addons));
        return found.map(
                rows -> rows.stream().map(CopyMeasurementEntity::measurement).toList());
    }
}

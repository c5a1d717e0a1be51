package dev.ferry.inventory.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Reads and writes the discovery projection. */
@ApplicationScoped
public class DiscoveryRepository implements PanacheRepositoryBase<DiscoveryEntity, String> {

    public Uni<List<DiscoveryEntity>> newestFirst() {
        return listAll(Sort.descending("startedAt"));
    }

    /** Discoveries still running that started before {@code before}, oldest first. */
    public Uni<List<DiscoveryEntity>> runningSince(Instant before) {
        return list("status = 'running' and startedAt < ?1", Sort.ascending("startedAt"), before);
    }
}

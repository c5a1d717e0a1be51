package dev.ferry.inventory.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads and writes the apps found by discoveries. */
@ApplicationScoped
public class DiscoveredAppRepository implements PanacheRepositoryBase<DiscoveredAppEntity, DiscoveredAppEntity.Key> {

    public Uni<List<DiscoveredAppEntity>> ofDiscovery(String discoveryId) {
        return list("discoveryId", Sort.ascending("name"), discoveryId);
    }

    public Uni<DiscoveredAppEntity> find(String discoveryId, String name) {
        return find("discoveryId = ?1 and name = ?2", discoveryId, name).firstResult();
    }
}

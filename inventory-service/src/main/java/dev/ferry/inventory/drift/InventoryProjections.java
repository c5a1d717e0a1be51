package dev.ferry.inventory.drift;

import dev.ferry.common.projection.Projection;
import dev.ferry.events.CloudEvent;
import dev.ferry.inventory.messaging.InventoryProjection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;

/**
 * inventory-service's whole projection: the discovery read model and the drift read model, applied
 * in one transaction per event and rebuilt together. It is the {@link Projection} the projector
 * and the replay use; {@link InventoryProjection} is unchanged.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class InventoryProjections implements Projection {
    private final InventoryProjection discoveries;
    private final DriftProjection drift;

    public InventoryProjections(InventoryProjection discoveries, DriftProjection drift) {
        this.discoveries = discoveries;
        this.drift = drift;
    }

    @Override
    public List<String> topics() {
        return discoveries.topics();
    }

    @Override
    public Uni<Void> apply(CloudEvent event) {
        return discoveries.apply(event).flatMap(v -> drift.apply(event));
    }

    @Override
    public Uni<Void> reset() {
        return drift.reset().flatMap(v -> discoveries.reset());
    }
}

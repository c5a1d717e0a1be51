package dev.ferry.inventory.messaging;

import dev.ferry.common.projection.Projection;
import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.DiscoveryFailed;
import dev.ferry.events.inventory.DiscoveryStarted;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.inventory.domain.AppView;
import dev.ferry.inventory.domain.EstateView;
import dev.ferry.inventory.repository.DiscoveredAppEntity;
import dev.ferry.inventory.repository.DiscoveredAppRepository;
import dev.ferry.inventory.repository.DiscoveredEstateEntity;
import dev.ferry.inventory.repository.DiscoveredEstateRepository;
import dev.ferry.inventory.repository.DiscoveryEntity;
import dev.ferry.inventory.repository.DiscoveryRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Builds the discovery read model from ferry.inventory (discoveries, the apps each found and the
 * estate around them); secret values are dropped on the way in.
 */
@ApplicationScoped
public class InventoryProjection implements Projection {
    private static final Logger LOG = Logger.getLogger(InventoryProjection.class);

    private final DiscoveryRepository discoveries;
    private final DiscoveredAppRepository apps;
    private final DiscoveredEstateRepository estates;

    public InventoryProjection(
            DiscoveryRepository discoveries, DiscoveredAppRepository apps, DiscoveredEstateRepository estates) {
        this.discoveries = discoveries;
        this.apps = apps;
        this.estates = estates;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.INVENTORY);
    }

    @Override
    public Uni<Void> apply(CloudEvent event) {
        if (event.data() instanceof DiscoveryStarted started) {
            return started(started);
        } else if (event.data() instanceof EstateDiscovered discovered) {
            return discovered(discovered);
        } else if (event.data() instanceof DiscoveryFailed failed) {
            return discoveries
                    .findById(failed.discoveryId())
                    .invoke(d -> {
                        if (d == null) {
                            LOG.warnf(
                                    "Discovery %s failed but its start was never seen; skipped", failed.discoveryId());
                            return;
                        }
                        d.status = "failed";
                        d.failureReason = failed.reason();
                        d.failureApp = failed.app();
                        d.failureEndpoint = failed.endpoint();
                        d.failureStatus = failed.status();
                        d.finishedAt = failed.failedAt();
                    })
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> reset() {
        return estates.deleteAll()
                .flatMap(n -> apps.deleteAll())
                .flatMap(n -> discoveries.deleteAll())
                .replaceWithVoid();
    }

    private Uni<Void> started(DiscoveryStarted started) {
        DiscoveryEntity d = new DiscoveryEntity();
        d.id = started.discoveryId();
        d.scope = started.scope();
        d.requestedApps = String.join(",", started.apps());
        d.requestedBy = started.requestedBy();
        d.team = started.team();
        d.status = "running";
        d.startedAt = started.startedAt();
        return discoveries.persist(d).replaceWithVoid();
    }

    private Uni<Void> discovered(EstateDiscovered discovered) {
        return discoveries
                .findById(discovered.discoveryId())
                .onItem()
                .ifNull()
                .failWith(() -> new IllegalStateException(
                        "Discovery " + discovered.discoveryId() + " has a snapshot but no start event"))
                .invoke(d -> {
                    d.status = "completed";
                    d.accountEmail = discovered.account().email();
                    d.appCount = discovered.apps().size();
                    d.finishedAt = discovered.discoveredAt();
                })
                .flatMap(d -> Multi.createFrom()
                        .iterable(discovered.apps())
                        .onItem()
                        .transformToUniAndConcatenate(app -> apps.persist(entity(discovered.discoveryId(), app)))
                        .collect()
                        .last())
                .flatMap(ignored -> estates.persist(estate(discovered)))
                .replaceWithVoid();
    }

    private static DiscoveredEstateEntity estate(EstateDiscovered discovered) {
        DiscoveredEstateEntity e = new DiscoveredEstateEntity();
        e.discoveryId = discovered.discoveryId();
        e.viewJson = ProjectionJson.write(EstateView.of(discovered));
        return e;
    }

    private static DiscoveredAppEntity entity(String discoveryId, AppInventory app) {
        DiscoveredAppEntity e = new DiscoveredAppEntity();
        e.discoveryId = discoveryId;
        e.name = app.name();
        e.herokuId = app.id();
        e.viewJson = ProjectionJson.write(AppView.of(app));
        return e;
    }
}

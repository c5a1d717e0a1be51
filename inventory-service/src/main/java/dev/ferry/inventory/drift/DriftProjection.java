package dev.ferry.inventory.drift;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.inventory.DiscoveryStarted;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.inventory.EstateDrifted;
import dev.ferry.inventory.domain.DiscoveryRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Projects ferry.inventory into the drift read model: each discovery's scope and the shape of what
 * it found, and each drift event. Runs inside the projection's transaction (see
 * {@link InventoryProjections}).
 */
@ApplicationScoped
public class DriftProjection {
    private static final Logger LOG = Logger.getLogger(DriftProjection.class);
    static final TypeReference<List<AppShape>> SHAPES = new TypeReference<>() {};

    private final DriftRepository repository;

    public DriftProjection(DriftRepository repository) {
        this.repository = repository;
    }

    /**
     * The key under which snapshots of one scope are compared, and from which a re-scan rebuilds the
     * request: {@code account}, {@code team:<name>} or {@code apps:<sorted names>}.
     */
    public static String scopeKey(String scope, List<String> apps, String team) {
        if (apps != null && !apps.isEmpty()) {
            return scope + ":" + String.join(",", new TreeSet<>(apps));
        }
        if (DiscoveryRequest.TEAM.equals(scope) && team != null && !team.isBlank()) {
            return scope + ":" + team;
        }
        return scope;
    }

    public Uni<Void> apply(CloudEvent event) {
        if (event.data() instanceof DiscoveryStarted started) {
            DriftSnapshotEntity s = new DriftSnapshotEntity();
            s.discoveryId = started.discoveryId();
            s.scopeKey = scopeKey(started.scope(), started.apps(), started.team());
            s.startedAt = started.startedAt();
            return repository.persist(s);
        } else if (event.data() instanceof EstateDiscovered discovered) {
            return repository
                    .snapshot(discovered.discoveryId())
                    .invoke(s -> {
                        if (s == null) {
                            LOG.warnf("Snapshot %s has no start; drift will not compare it", discovered.discoveryId());
                            return;
                        }
                        s.discoveredAt = discovered.discoveredAt();
                        s.appsJson = ProjectionJson.write(
                                discovered.apps().stream().map(AppShape::of).toList());
                    })
                    .replaceWithVoid();
        } else if (event.data() instanceof EstateDrifted drifted) {
            DriftEventEntity d = new DriftEventEntity();
            d.eventId = event.id();
            d.discoveryId = drifted.discoveryId();
            d.previousDiscoveryId = drifted.previousDiscoveryId();
            d.detectedAt = drifted.detectedAt();
            d.driftJson = ProjectionJson.write(
                    new EstateDiff.Drift(drifted.addedApps(), drifted.removedApps(), drifted.changes()));
            return repository
                    .driftOf(drifted.discoveryId())
                    .flatMap(known -> known == null
                            ? repository.persist(d)
                            : Uni.createFrom().voidItem());
        }
        return Uni.createFrom().voidItem();
    }

    /** The apps of a completed snapshot. */
    static List<AppShape> apps(DriftSnapshotEntity snapshot) {
        return ProjectionJson.read(snapshot.appsJson, SHAPES);
    }

    public Uni<Void> reset() {
        return repository.deleteAll();
    }
}

package dev.ferry.inventory.drift;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.common.messaging.Records;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.inventory.EstateDrifted;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * When a drift re-scan's snapshot is consumed, compares it with the previous snapshot of the same
 * scope and appends {@code estate-drifted} if anything changed. The event id is derived from the two
 * discoveries, so a redelivered snapshot appends a duplicate that every projection ignores.
 */
@ApplicationScoped
public class DriftDetector {
    private static final Logger LOG = Logger.getLogger(DriftDetector.class);

    private final DriftRepository repository;
    private final EventLog eventLog;
    private final Clock clock;

    public DriftDetector(DriftRepository repository, EventLog eventLog, Clock clock) {
        this.repository = repository;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** Signals that the projection has not recorded a snapshot yet. */
    static final class NotProjectedYet extends RuntimeException {
        NotProjectedYet(String id) {
            super("Snapshot " + id + " is not projected yet", null, false, false);
        }
    }

    @Incoming("drift-in")
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        Optional<CloudEvent> event = Records.decode(record);
        if (event.isEmpty()
                || !(event.get().data() instanceof EstateDiscovered discovered)
                || !DriftScanner.REQUESTER.equals(discovered.requestedBy())) {
            return Uni.createFrom().voidItem();
        }
        return detect(discovered).onFailure().recoverWithUni(failure -> {
            LOG.errorf(failure, "Drift of re-scan %s could not be detected", discovered.discoveryId());
            return Uni.createFrom().voidItem();
        });
    }

    /** Compares a re-scan with the snapshot before it and appends the drift, if any. */
    Uni<Void> detect(EstateDiscovered discovered) {
        String id = discovered.discoveryId();
        return Panache.withSession(() -> repository.snapshot(id))
                .map(s -> {
                    if (s == null || s.appsJson == null) {
                        throw new NotProjectedYet(id);
                    }
                    return s;
                })
                .onFailure(NotProjectedYet.class)
                .retry()
                .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2))
                .atMost(40)
                .flatMap(current -> Panache.withSession(() -> repository
                        .driftOf(id)
                        .flatMap(known -> known != null
                                ? Uni.createFrom().nullItem()
                                : repository.previous(current.scopeKey, current.discoveredAt, id))))
                .flatMap(previous -> previous == null ? Uni.createFrom().voidItem() : compare(previous, discovered));
    }

    private Uni<Void> compare(DriftSnapshotEntity previous, EstateDiscovered discovered) {
        EstateDiff.Drift drift = EstateDiff.between(
                DriftProjection.apps(previous),
                discovered.apps().stream().map(AppShape::of).toList());
        if (drift.isEmpty()) {
            LOG.infof("Re-scan %s found no drift since %s", discovered.discoveryId(), previous.discoveryId);
            return Uni.createFrom().voidItem();
        }
        EstateDrifted event = new EstateDrifted(
                discovered.discoveryId(),
                previous.discoveryId,
                drift.addedApps(),
                drift.removedApps(),
                drift.changes(),
                clock.instant());
        String eventId = EventIds.derive("estate-drifted", previous.discoveryId, discovered.discoveryId());
        return eventLog.append(eventId, event)
                .invoke(() -> LOG.infof(
                        "Re-scan %s drifted from %s: %d added, %d removed, %d changes",
                        discovered.discoveryId(),
                        previous.discoveryId,
                        drift.addedApps().size(),
                        drift.removedApps().size(),
                        drift.changes().size()))
                .replaceWithVoid();
    }
}

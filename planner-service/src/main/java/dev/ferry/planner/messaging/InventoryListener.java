package dev.ferry.planner.messaging;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.common.messaging.Records;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.planner.domain.PlanRules;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Proposes a plan for every discovered estate. The proposal's event id derives from the inventory
 * event's id, so a redelivered inventory appends a duplicate that every consumer ignores.
 */
@ApplicationScoped
public class InventoryListener {
    private static final Logger LOG = Logger.getLogger(InventoryListener.class);

    private final EventLog eventLog;

    public InventoryListener(EventLog eventLog) {
        this.eventLog = eventLog;
    }

    @Incoming("inventory-in")
    public Uni<Void> onInventory(ConsumerRecord<String, String> record) {
        Optional<CloudEvent> event = Records.decode(record);
        if (event.isEmpty() || !(event.get().data() instanceof EstateDiscovered estate)) {
            return Uni.createFrom().voidItem();
        }
        var proposal = PlanRules.propose(estate);
        LOG.infof(
                "Proposing plan %s with %d steps for discovery %s",
                proposal.planId(), proposal.steps().size(), estate.discoveryId());
        return eventLog.append(EventIds.derive(event.get().id(), "plan-proposed"), proposal)
                .replaceWithVoid();
    }
}

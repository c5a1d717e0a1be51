package dev.ferry.planner.messaging;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.common.messaging.Records;
import dev.ferry.common.observability.EventTracing;
import dev.ferry.common.observability.LogContext;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.inventory.DiscoveryStarted;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.planner.service.PlanProposer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Proposes a plan version for every discovered estate and remembers each discovery's scope. The
 * proposal's event id derives from the inventory event's id, so a redelivered inventory appends a
 * duplicate that every consumer ignores.
 */
@ApplicationScoped
public class InventoryListener {
    private static final Logger LOG = Logger.getLogger(InventoryListener.class);

    private final EventLog eventLog;
    private final PlanProposer proposer;
    private final EventTracing tracing;

    public InventoryListener(EventLog eventLog, PlanProposer proposer, EventTracing tracing) {
        this.tracing = tracing;
        this.eventLog = eventLog;
        this.proposer = proposer;
    }

    @Incoming("inventory-in")
    public Uni<Void> onInventory(ConsumerRecord<String, String> record) {
        Optional<CloudEvent> event = Records.decode(record);
        if (event.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (event.get().data() instanceof DiscoveryStarted started) {
            return proposer.remember(started);
        }
        if (!(event.get().data() instanceof EstateDiscovered estate)) {
            return Uni.createFrom().voidItem();
        }
        String eventId = EventIds.derive(event.get().id(), "plan-proposed");
        return tracing.consume(
                record,
                () -> LogContext.around(
                        () -> proposer.propose(estate).flatMap(proposal -> {
                            if (proposal.isEmpty()) {
                                return Uni.createFrom().voidItem();
                            }
                            var plan = proposal.get();
                            try (LogContext.Scope ignored = LogContext.with(LogContext.PLAN_ID, plan.planId())) {
                                LOG.infof(
                                        "Proposing plan %s v%d with %d steps for discovery %s (%s)",
                                        plan.planId(),
                                        plan.version(),
                                        plan.steps().size(),
                                        estate.discoveryId(),
                                        plan.planHash());
                            }
                            return eventLog.append(eventId, plan).replaceWithVoid();
                        }),
                        LogContext.DISCOVERY_ID,
                        estate.discoveryId()));
    }
}

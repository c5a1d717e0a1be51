package dev.ferry.notifier.service;

import dev.ferry.notifier.domain.DeliveryOutcome;
import dev.ferry.notifier.domain.Subscription;
import dev.ferry.notifier.repository.DeliveryLedger;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * At start, picks up what the previous run left: claims never attempted are queued again (they were
 * certainly not posted); claims it was posting when it stopped are parked as unknown and not sent
 * again (Slack may have them), so nothing is posted twice.
 */
@ApplicationScoped
public class DeliveryRecovery {
    private static final Logger LOG = Logger.getLogger(DeliveryRecovery.class);

    private final DeliveryLedger ledger;
    private final DeliveryLanes lanes;
    private final OutcomeRecorder recorder;
    private final SubscriptionDirectory subscriptions;

    public DeliveryRecovery(
            DeliveryLedger ledger, DeliveryLanes lanes, OutcomeRecorder recorder, SubscriptionDirectory subscriptions) {
        this.ledger = ledger;
        this.lanes = lanes;
        this.recorder = recorder;
        this.subscriptions = subscriptions;
    }

    void onStart(@Observes StartupEvent start) {
        resume();
    }

    /** Parks interrupted deliveries and queues the never-attempted ones; returns how many were queued. */
    public int resume() {
        for (var d : ledger.interrupted()) {
            ledger.finish(d.deliveryId(), DeliveryLedger.UNKNOWN);
            String channel = subscriptions
                    .find(d.subscriptionId())
                    .map(Subscription::channel)
                    .orElse("(deleted)");
            recorder.record(
                    d,
                    channel,
                    d.subscriptionId(),
                    DeliveryOutcome.failed(
                            1, "The notifier stopped while posting; Slack may have it, so it is not sent again"));
        }
        var queued = ledger.queued();
        queued.forEach(lanes::submit);
        if (!queued.isEmpty()) {
            LOG.infof("Resuming %d queued deliveries", queued.size());
        }
        return queued.size();
    }
}

package dev.ferry.notifier.service;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.events.EventCatalog;
import dev.ferry.events.EventIds;
import dev.ferry.events.notification.DeliveryEvent;
import dev.ferry.events.notification.NotificationDelivered;
import dev.ferry.events.notification.NotificationFailed;
import dev.ferry.notifier.domain.Delivery;
import dev.ferry.notifier.domain.DeliveryOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Appends the outcome of a delivery to ferry.notifications, whose projection is the delivery
 * history. The event id is derived from the delivery, so appending it twice is one fact.
 */
@ApplicationScoped
public class OutcomeRecorder {
    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class);

    private final EventLog eventLog;
    private final Clock clock;

    public OutcomeRecorder(EventLog eventLog, Clock clock) {
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** Appends without holding the lane; a failed append is retried a few times and then logged. */
    public void record(Delivery d, String channel, String subscriptionId, DeliveryOutcome outcome) {
        DeliveryEvent fact = outcome.delivered()
                ? new NotificationDelivered(
                        d.deliveryId(),
                        d.sourceEventId(),
                        d.sourceEventType(),
                        d.migrationId(),
                        channel,
                        d.text(),
                        outcome.attempts(),
                        clock.instant(),
                        subscriptionId,
                        outcome.ts(),
                        outcome.threadTs())
                : new NotificationFailed(
                        d.deliveryId(),
                        d.sourceEventId(),
                        d.sourceEventType(),
                        d.migrationId(),
                        channel,
                        outcome.error(),
                        outcome.attempts(),
                        clock.instant(),
                        subscriptionId);
        if (outcome.delivered()) {
            LOG.debugf(
                    "Delivered %s about %s to %s (%s) in %d attempt(s)",
                    d.deliveryId(), d.sourceEventType(), channel, subscriptionId, outcome.attempts());
        } else {
            LOG.warnf(
                    "Parked %s about %s to %s (%s) after %d attempt(s): %s",
                    d.deliveryId(), d.sourceEventType(), channel, subscriptionId, outcome.attempts(), outcome.error());
        }
        eventLog.append(EventIds.derive(d.deliveryId(), EventCatalog.typeName(fact)), fact)
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200))
                .atMost(3)
                .subscribe()
                .with(
                        ok -> {},
                        failure -> LOG.errorf(
                                "Could not record the outcome of delivery %s: %s",
                                d.deliveryId(), failure.getMessage()));
    }
}

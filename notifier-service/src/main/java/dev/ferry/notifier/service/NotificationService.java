package dev.ferry.notifier.service;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventCatalog;
import dev.ferry.events.EventIds;
import dev.ferry.events.notification.NotificationDelivered;
import dev.ferry.events.notification.NotificationEvent;
import dev.ferry.events.notification.NotificationFailed;
import dev.ferry.notifier.config.NotifierConfig;
import dev.ferry.notifier.domain.DeliveryOutcome;
import dev.ferry.notifier.domain.Notification;
import dev.ferry.notifier.repository.DeliveryClaims;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Announces an event at most once: claim the delivery in the database, post to Slack outside any
 * transaction, then append the outcome to ferry.notifications.
 */
@ApplicationScoped
public class NotificationService {
    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final MessageComposer composer;
    private final DeliveryClaims claims;
    private final SlackSender sender;
    private final EventLog eventLog;
    private final Clock clock;
    private final String channel;
    private final Duration maxEventAge;

    public NotificationService(
            MessageComposer composer,
            DeliveryClaims claims,
            SlackSender sender,
            EventLog eventLog,
            Clock clock,
            NotifierConfig config) {
        this.composer = composer;
        this.claims = claims;
        this.sender = sender;
        this.eventLog = eventLog;
        this.clock = clock;
        this.channel = config.slack().channel();
        this.maxEventAge = config.delivery().maxEventAge();
    }

    /** The delivery of an event to a channel; the same pair always gives the same id. */
    public static String deliveryId(String sourceEventId, String channel) {
        return EventIds.derive(sourceEventId, channel);
    }

    /** Handles one consumed event; completes once the outcome is on the log, or when nothing is due. */
    public Uni<Void> handle(CloudEvent event) {
        Optional<Notification> notification = composer.compose(event);
        if (notification.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (Duration.between(event.time(), clock.instant()).compareTo(maxEventAge) > 0) {
            LOG.infof("Not announcing %s %s: it is older than %s", event.type(), event.id(), maxEventAge);
            return Uni.createFrom().voidItem();
        }
        Notification n = notification.get();
        String deliveryId = deliveryId(event.id(), channel);
        return claims.claim(deliveryId, n.sourceEventId(), n.sourceEventType(), channel)
                .flatMap(claimed -> {
                    if (!claimed) {
                        LOG.debugf("Delivery %s of %s was claimed before; not posting again", deliveryId, event.id());
                        return Uni.createFrom().voidItem();
                    }
                    return sender.send(deliveryId, n.message()).flatMap(outcome -> record(deliveryId, n, outcome));
                });
    }

    private Uni<Void> record(String deliveryId, Notification n, DeliveryOutcome outcome) {
        NotificationEvent fact = outcome.delivered()
                ? new NotificationDelivered(
                        deliveryId,
                        n.sourceEventId(),
                        n.sourceEventType(),
                        n.migrationId(),
                        channel,
                        n.message().text(),
                        outcome.attempts(),
                        clock.instant())
                : new NotificationFailed(
                        deliveryId,
                        n.sourceEventId(),
                        n.sourceEventType(),
                        n.migrationId(),
                        channel,
                        outcome.error(),
                        outcome.attempts(),
                        clock.instant());
        if (outcome.delivered()) {
            LOG.infof(
                    "Delivered %s about %s to %s in %d attempt(s)",
                    deliveryId, n.sourceEventType(), channel, outcome.attempts());
        } else {
            LOG.warnf(
                    "Gave up on %s about %s to %s after %d attempt(s): %s",
                    deliveryId, n.sourceEventType(), channel, outcome.attempts(), outcome.error());
        }
        return eventLog.append(EventIds.derive(deliveryId, EventCatalog.typeName(fact)), fact)
                .replaceWithVoid();
    }
}

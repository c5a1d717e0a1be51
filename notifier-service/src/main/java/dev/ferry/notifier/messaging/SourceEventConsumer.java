package dev.ferry.notifier.messaging;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventCodec;
import dev.ferry.notifier.service.NotificationService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Hands migration and plan events to the notifier, one at a time per topic so messages arrive in
 * the order things happened. No transaction here: the claim has its own, and Slack is called
 * outside it.
 */
@ApplicationScoped
public class SourceEventConsumer {
    private static final Logger LOG = Logger.getLogger(SourceEventConsumer.class);

    private final NotificationService notifications;

    public SourceEventConsumer(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Incoming("migrations-in")
    public Uni<Void> onMigrationEvent(ConsumerRecord<String, String> record) {
        return handle(record);
    }

    @Incoming("plans-in")
    public Uni<Void> onPlanEvent(ConsumerRecord<String, String> record) {
        return handle(record);
    }

    private Uni<Void> handle(ConsumerRecord<String, String> record) {
        Optional<CloudEvent> event;
        try {
            event = EventCodec.fromRecord(record);
        } catch (IllegalArgumentException e) {
            LOG.errorf(
                    "Skipping malformed record %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        return event.map(notifications::handle).orElseGet(() -> Uni.createFrom().voidItem());
    }
}

package dev.ferry.notifier.messaging;

import dev.ferry.common.messaging.Records;
import dev.ferry.notifier.service.NotificationService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Hands migration and plan events to the notifier, one at a time per topic (on a worker thread:
 * claiming is a short blocking statement), so messages are queued in the order things happened.
 * Slack is called by the channel lanes, not here, so a slow channel does not hold the topic.
 */
@ApplicationScoped
public class SourceEventConsumer {

    private final NotificationService notifications;

    public SourceEventConsumer(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Incoming("migrations-in")
    @Blocking
    public void onMigrationEvent(ConsumerRecord<String, String> record) {
        handle(record);
    }

    @Incoming("plans-in")
    @Blocking
    public void onPlanEvent(ConsumerRecord<String, String> record) {
        handle(record);
    }

    private void handle(ConsumerRecord<String, String> record) {
        Records.decode(record).ifPresent(notifications::handle);
    }
}

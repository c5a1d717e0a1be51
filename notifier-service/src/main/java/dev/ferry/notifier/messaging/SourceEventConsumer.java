package dev.ferry.notifier.messaging;

import dev.ferry.common.messaging.Records;
import dev.ferry.notifier.service.NotificationService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Hands migration and plan events to the notifier, one at a time per topic so messages arrive in
 * the order things happened. No transaction here: the claim has its own, and Slack is called
 * outside it.
 */
@ApplicationScoped
public class SourceEventConsumer {

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
        return Records.decode(record)
                .map(notifications::handle)
                .orElseGet(() -> Uni.createFrom().voidItem());
    }
}

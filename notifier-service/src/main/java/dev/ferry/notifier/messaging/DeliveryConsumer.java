package dev.ferry.notifier.messaging;

import dev.ferry.common.projection.Projector;
import dev.ferry.notifier.service.SlackUserDirectory;
import dev.ferry.notifier.service.SubscriptionDirectory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds ferry.notifications into the notifier's projection, one transaction per event; after the
 * commit, the cached subscriptions and Slack users are read again.
 */
@ApplicationScoped
public class DeliveryConsumer {
    private final Projector projector;
    private final SubscriptionDirectory subscriptions;
    private final SlackUserDirectory users;

    public DeliveryConsumer(Projector projector, SubscriptionDirectory subscriptions, SlackUserDirectory users) {
        this.projector = projector;
        this.subscriptions = subscriptions;
        this.users = users;
    }

    @Incoming("deliveries-in")
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        return Panache.withTransaction(() -> projector.consume(record)).invoke(() -> {
            subscriptions.invalidate();
            users.invalidate();
        });
    }
}

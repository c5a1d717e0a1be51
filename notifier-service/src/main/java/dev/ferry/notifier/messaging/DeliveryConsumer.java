package dev.ferry.notifier.messaging;

import dev.ferry.common.projection.Projector;
import dev.ferry.notifier.service.SlackUserDirectory;
import dev.ferry.notifier.service.SubscriptionDirectory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
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
            // Only subscription and user facts change what the caches hold; deliveries do not.
            Header type = record.headers().lastHeader("ce_type");
            String name = type == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
            if (name.contains(".subscription-")) {
                subscriptions.invalidate();
            } else if (name.contains(".slack-user-")) {
                users.invalidate();
            }
        });
    }
}

package dev.ferry.notifier.messaging;

import dev.ferry.common.projection.Projector;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds ferry.notifications into the deliveries projection, one transaction per event. */
@ApplicationScoped
public class DeliveryConsumer {
    private final Projector projector;

    public DeliveryConsumer(Projector projector) {
        this.projector = projector;
    }

    @Incoming("deliveries-in")
    @WithTransaction
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        return projector.consume(record);
    }
}

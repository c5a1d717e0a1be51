package dev.ferry.planner.messaging;

import dev.ferry.common.messaging.Records;
import dev.ferry.common.projection.Projector;
import dev.ferry.events.CloudEvent;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the copies the executor measured (ferry.migrations) into the projection, one transaction per
 * event; the many other migration events (progress above all) are skipped without a trace.
 */
@ApplicationScoped
public class MigrationsConsumer {
    private final Projector projector;

    public MigrationsConsumer(Projector projector) {
        this.projector = projector;
    }

    @Incoming("migrations-in")
    @WithTransaction
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        Optional<CloudEvent> event = Records.decode(record);
        if (event.isEmpty() || !CopyMeasurementProjection.relevant(event.get())) {
            return Uni.createFrom().voidItem();
        }
        return projector.applyOnce(event.get()).replaceWithVoid();
    }
}

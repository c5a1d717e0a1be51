package dev.ferry.common.projection;

import dev.ferry.common.messaging.Records;
import dev.ferry.events.CloudEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Applies consumed events to a projection exactly once: the processed event id is recorded in the
 * same transaction as the change, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class Projector {
    private static final Logger LOG = Logger.getLogger(Projector.class);

    private final Projection projection;

    public Projector(Projection projection) {
        this.projection = projection;
    }

    /**
     * Decodes and applies a record inside the current transaction; unknown and malformed records
     * are skipped with a log line.
     */
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        Optional<CloudEvent> event = Records.decode(record);
        if (event.isEmpty()) {
            LOG.debugf(
                    "Skipping record of unknown type or malformed at %s-%d@%d",
                    record.topic(), record.partition(), record.offset());
            return Uni.createFrom().voidItem();
        }
        return applyOnce(event.get()).replaceWithVoid();
    }

    /** Applies an event unless its id was already processed; true when it was applied now. */
    public Uni<Boolean> applyOnce(CloudEvent event) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                                "insert into processed_event (event_id, event_type) values (?1, ?2) on conflict do nothing")
                        .setParameter(1, event.id())
                        .setParameter(2, event.type())
                        .executeUpdate())
                .flatMap(inserted -> inserted == 1
                        ? projection.apply(event).replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE));
    }

    /** Forgets every processed id and resets the projection, inside the current transaction. */
    public Uni<Void> reset() {
        return Panache.getSession()
                .flatMap(session ->
                        session.createNativeQuery("delete from processed_event").executeUpdate())
                .flatMap(deleted -> projection.reset());
    }
}

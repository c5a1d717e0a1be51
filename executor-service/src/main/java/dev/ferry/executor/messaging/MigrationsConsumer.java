package dev.ferry.executor.messaging;

import dev.ferry.common.projection.Projector;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventCodec;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.migration.StepSucceeded;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Projects migration events, then, once committed, lets the runner take the next step. */
@ApplicationScoped
public class MigrationsConsumer {
    private final Projector projector;
    private final MigrationTrigger trigger;

    public MigrationsConsumer(Projector projector, MigrationTrigger trigger) {
        this.projector = projector;
        this.trigger = trigger;
    }

    @Incoming("migrations-in")
    public Uni<Void> onMigration(ConsumerRecord<String, String> record) {
        return Panache.withTransaction(() -> projector.consume(record)).invoke(() -> react(record));
    }

    private void react(ConsumerRecord<String, String> record) {
        Optional<CloudEvent> event;
        try {
            event = EventCodec.fromRecord(record);
        } catch (IllegalArgumentException malformed) {
            return;
        }
        event.filter(e -> e.data() instanceof MigrationStarted || e.data() instanceof StepSucceeded)
                .ifPresent(e -> trigger.advance(e.subject()));
    }
}

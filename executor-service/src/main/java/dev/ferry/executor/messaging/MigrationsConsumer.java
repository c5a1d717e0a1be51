package dev.ferry.executor.messaging;

import dev.ferry.common.messaging.Records;
import dev.ferry.common.projection.Projector;
import dev.ferry.events.CloudEvent;
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
        Optional<CloudEvent> event = Records.decode(record);
        if (event.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> projector.applyOnce(event.get()))
                .invoke(() -> react(event.get()))
                .replaceWithVoid();
    }

    /** Only a start or a step's success can let the migration move on. */
    private void react(CloudEvent event) {
        if (event.data() instanceof MigrationStarted || event.data() instanceof StepSucceeded) {
            trigger.advance(event.subject());
        }
    }
}

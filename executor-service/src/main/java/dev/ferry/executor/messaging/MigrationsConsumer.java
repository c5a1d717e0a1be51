package dev.ferry.executor.messaging;

import dev.ferry.common.messaging.Records;
import dev.ferry.common.observability.EventTracing;
import dev.ferry.common.observability.LogContext;
import dev.ferry.common.projection.Projector;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.migration.MigrationEvent;
import dev.ferry.events.migration.StepHeartbeat;
import dev.ferry.events.migration.StepProgress;
import dev.ferry.executor.service.MigrationRunner;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Projects migration events, then, once committed, lets the runner look at the migration again. */
@ApplicationScoped
public class MigrationsConsumer {
    private final Projector projector;
    private final MigrationRunner runner;
    private final PartitionOwnership ownership;
    private final EventTracing tracing;

    public MigrationsConsumer(
            Projector projector, MigrationRunner runner, PartitionOwnership ownership, EventTracing tracing) {
        this.projector = projector;
        this.runner = runner;
        this.ownership = ownership;
        this.tracing = tracing;
    }

    @Incoming("migrations-in")
    public Uni<Void> onMigration(ConsumerRecord<String, String> record) {
        Optional<CloudEvent> event = Records.decode(record);
        if (event.isEmpty()) {
            ownership.consumed(record.topic(), record.partition(), record.offset());
            return Uni.createFrom().voidItem();
        }
        return tracing.consume(
                record,
                () -> LogContext.around(
                        () -> Panache.withTransaction(() -> projector.applyOnce(event.get()))
                                .invoke(applied -> {
                                    ownership.consumed(record.topic(), record.partition(), record.offset());
                                    react(event.get(), applied);
                                })
                                .replaceWithVoid(),
                        LogContext.MIGRATION_ID,
                        event.get().subject()));
    }

    /**
     * Any new fact but progress and heartbeats can let the migration move: a success, a failure, an
     * approval, a pause.
     */
    private void react(CloudEvent event, boolean applied) {
        if (applied
                && event.data() instanceof MigrationEvent
                && !(event.data() instanceof StepProgress)
                && !(event.data() instanceof StepHeartbeat)) {
            runner.kick(event.subject());
        }
    }
}

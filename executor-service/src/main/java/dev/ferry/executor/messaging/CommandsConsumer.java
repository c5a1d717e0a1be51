package dev.ferry.executor.messaging;

import dev.ferry.common.messaging.Records;
import dev.ferry.common.observability.EventTracing;
import dev.ferry.common.observability.LogContext;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.command.MigrationCommand;
import dev.ferry.executor.service.MigrationCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes people's migration commands from ferry.commands (appended by this service's REST API or by the
 * notifier's Slack buttons) and has the migration aggregate decide them. Plan commands are the planner's.
 */
@ApplicationScoped
public class CommandsConsumer {
    private final MigrationCommands commands;
    private final EventTracing tracing;

    public CommandsConsumer(MigrationCommands commands, EventTracing tracing) {
        this.commands = commands;
        this.tracing = tracing;
    }

    @Incoming("commands-in")
    public Uni<Void> onCommand(ConsumerRecord<String, String> record) {
        Optional<CloudEvent> event = Records.decode(record);
        if (event.isEmpty() || !(event.get().data() instanceof MigrationCommand command)) {
            return Uni.createFrom().voidItem();
        }
        return tracing.consume(
                record,
                () -> LogContext.around(
                        () -> commands.decide(event.get().id(), command),
                        LogContext.MIGRATION_ID,
                        command.migrationId()));
    }
}

package dev.ferry.notifier.messaging;

import dev.ferry.common.messaging.Records;
import dev.ferry.common.observability.EventTracing;
import dev.ferry.common.observability.LogContext;
import dev.ferry.events.plan.PlanEvent;
import dev.ferry.notifier.service.NotificationService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Hands migration and plan events to the notifier, one at a time per topic (on a worker thread:
 * claiming is a short blocking statement), so messages are queued in the order things happened.
 * Slack is called by the channel lanes, not here, so a slow channel does not hold the topic.
 */
@ApplicationScoped
public class SourceEventConsumer {

    private final NotificationService notifications;
    private final EventTracing tracing;

    public SourceEventConsumer(NotificationService notifications, EventTracing tracing) {
        this.notifications = notifications;
        this.tracing = tracing;
    }

    @Incoming("migrations-in")
    @Blocking
    public void onMigrationEvent(ConsumerRecord<String, String> record) {
        handle(record);
    }

    @Incoming("plans-in")
    @Blocking
    public void onPlanEvent(ConsumerRecord<String, String> record) {
        handle(record);
    }

    /** Handles the event in its trace and with its migration or plan on every log line. */
    private void handle(ConsumerRecord<String, String> record) {
        Records.decode(record)
                .ifPresent(event -> tracing.consumeBlocking(record, () -> {
                    String key = event.data() instanceof PlanEvent ? LogContext.PLAN_ID : LogContext.MIGRATION_ID;
                    try (LogContext.Scope ignored = LogContext.with(key, event.subject())) {
                        return notifications.handle(event);
                    }
                }));
    }
}

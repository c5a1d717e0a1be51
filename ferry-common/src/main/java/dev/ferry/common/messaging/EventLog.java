package dev.ferry.common.messaging;

import dev.ferry.common.config.FerryConfig;
import dev.ferry.common.observability.EventTracing;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventCodec;
import dev.ferry.events.EventIds;
import dev.ferry.events.FerryEvent;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Appends events to Kafka and completes only when the broker acknowledged them: the one way a
 * service records a fact, before any projection sees it.
 */
@ApplicationScoped
public class EventLog {
    private static final Logger LOG = Logger.getLogger(EventLog.class);

    /** The CloudEvents {@code traceparent} extension attribute as a Kafka binary-mode header. */
    public static final String TRACEPARENT_HEADER = "ce_traceparent";

    private final MutinyEmitter<String> emitter;
    private final String source;
    private final Clock clock;

    public EventLog(@Channel("ferry-events-out") MutinyEmitter<String> emitter, FerryConfig config, Clock clock) {
        this.emitter = emitter;
        this.source = "/ferry/" + config.service();
        this.clock = clock;
    }

    /** Appends an event with a fresh id. */
    public Uni<CloudEvent> append(FerryEvent data) {
        return append(EventIds.random(), data);
    }

    /**
     * Appends an event with a given id; derived events use deterministic ids so a retry is a
     * duplicate.
     */
    public Uni<CloudEvent> append(String id, FerryEvent data) {
        CloudEvent event = CloudEvent.of(id, source, data, clock.instant());
        var record = EventCodec.toRecord(event);
        String traceparent = EventTracing.traceparent();
        if (traceparent != null) {
            // The CloudEvents distributed-tracing extension, next to the W3C header the Kafka sink writes.
            record.headers().add(TRACEPARENT_HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(record.topic())
                .withKey(record.key())
                .withHeaders(record.headers())
                .build();
        // The sink may send on another thread: name the trace this append belongs to explicitly.
        Message<String> message = Message.of(record.value())
                .addMetadata(metadata)
                .addMetadata(TracingMetadata.withCurrent(Context.current()));
        return emitter.sendMessage(message)
                .invoke(() -> LOG.debugf("Appended %s %s for %s", event.type(), event.id(), event.subject()))
                .replaceWith(event);
    }

    /** Appends events in order, each after the previous one was acknowledged. */
    public Uni<List<CloudEvent>> appendAll(List<FerryEvent> events) {
        return Multi.createFrom()
                .iterable(events)
                .onItem()
                .transformToUniAndConcatenate(this::append)
                .collect()
                .asList();
    }
}

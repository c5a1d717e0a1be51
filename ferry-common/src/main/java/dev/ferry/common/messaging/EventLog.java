package dev.ferry.common.messaging;

import dev.ferry.common.config.FerryConfig;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventCodec;
import dev.ferry.events.EventIds;
import dev.ferry.events.FerryEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
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
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(record.topic())
                .withKey(record.key())
                .withHeaders(record.headers())
                .build();
        return emitter.sendMessage(Message.of(record.value()).addMetadata(metadata))
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

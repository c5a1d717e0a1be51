package dev.ferry.testkit;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventCodec;
import dev.ferry.events.FerryEvent;
import dev.ferry.events.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Lets tests append events as another service would and read back what a service appended. */
public final class EventProbe {
    private final String bootstrapServers;
    private final Map<String, String> clientSettings;

    public EventProbe(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /** A probe whose clients also take these settings, e.g. TLS for {@link LocalKafka#startTls}. */
    public EventProbe(String bootstrapServers, Map<String, String> clientSettings) {
        this.bootstrapServers = bootstrapServers;
        this.clientSettings = Map.copyOf(clientSettings);
    }

    private Map<String, Object> client() {
        Map<String, Object> client = new HashMap<>(clientSettings);
        client.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return client;
    }

    /** Appends an event and waits for the broker's acknowledgement. */
    public CloudEvent append(String id, String source, FerryEvent data) {
        return append(id, source, data, null);
    }

    /**
     * Appends an event as part of a trace: with a W3C {@code traceparent} header
     * ({@code 00-<trace id>-<span id>-01}), as a traced producer would.
     */
    public CloudEvent append(String id, String source, FerryEvent data, String traceparent) {
        CloudEvent event = CloudEvent.of(id, source, data, Instant.now());
        Map<String, Object> props = client();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = EventCodec.toRecord(event);
            if (traceparent != null) {
                record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get(30, TimeUnit.SECONDS);
            return event;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot append " + event.type(), e);
        }
    }

    /** Every event on a topic from the beginning up to its current end. */
    public List<CloudEvent> readAll(String topic) {
        List<CloudEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records(topic)) {
            EventCodec.fromRecord(record).ifPresent(events::add);
        }
        return events;
    }

    /** Every raw record on a topic from the beginning up to its current end. */
    public List<ConsumerRecord<String, String>> records(String topic) {
        return TopicReader.readToEnd(client(), List.of(topic));
    }

    /** Waits until an event matching the predicate is on the topic. */
    public CloudEvent await(String topic, Predicate<CloudEvent> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<CloudEvent> found = readAll(topic).stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            sleep();
        }
        throw new AssertionError("No matching event on " + topic + " within " + timeout);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

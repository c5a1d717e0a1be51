package dev.ferry.rekey.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ferry.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The re-key's progress per topic, in a compacted topic of its own ({@code ferry.rekey.state}); every
 * change is written and acknowledged before the step it allows.
 */
public final class StateStore {
    public static final String TOPIC = "ferry.rekey.state";

    private final Clients clients;
    private final TopicAdmin admin;

    public StateStore(Clients clients, TopicAdmin admin) {
        this.clients = clients;
        this.admin = admin;
    }

    /** The latest state of every topic that has one. */
    public Map<String, TopicState> read() {
        Map<String, TopicState> states = new HashMap<>();
        if (!admin.exists(TOPIC)) {
            return states;
        }
        try (PartitionCursor cursor = PartitionCursor.open(clients, new TopicPartition(TOPIC, 0), 0)) {
            ConsumerRecord<byte[], byte[]> record;
            while ((record = cursor.next()) != null) {
                String topic = new String(record.key(), StandardCharsets.UTF_8);
                if (record.value() == null) {
                    states.remove(topic);
                } else {
                    states.put(topic, EventCodec.mapper().readValue(record.value(), TopicState.class));
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The re-key state in " + TOPIC + " is unreadable", e);
        }
        return states;
    }

    /** Records a topic's state; returns once Kafka has it. */
    public void write(TopicState state, short replicationFactor) {
        if (!admin.exists(TOPIC)) {
            admin.create(
                    TOPIC,
                    new TopicAdmin.Shape(
                            1, replicationFactor, Map.of("cleanup.policy", "compact", "retention.ms", "-1")));
        }
        try (KafkaProducer<byte[], byte[]> producer = clients.producer()) {
            byte[] value = EventCodec.mapper().writeValueAsBytes(state);
            producer.send(new ProducerRecord<>(TOPIC, 0, state.topic().getBytes(StandardCharsets.UTF_8), value))
                    .get();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the re-key state", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted writing the re-key state", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot record the re-key state: " + e.getCause().getMessage(), e);
        }
    }
}

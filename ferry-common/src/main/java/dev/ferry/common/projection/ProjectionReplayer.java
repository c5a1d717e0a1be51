package dev.ferry.common.projection;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventCodec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rebuilds the projection from the beginning of its topics in one transaction, so readers see
 * either the old state or the rebuilt one, never half of it.
 */
@ApplicationScoped
public class ProjectionReplayer {
    private final Projection projection;
    private final Projector projector;
    private final String bootstrapServers;
    private final Vertx vertx;

    public ProjectionReplayer(
            Projection projection,
            Projector projector,
            Vertx vertx,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.vertx = vertx;
        this.projection = projection;
        this.projector = projector;
        this.bootstrapServers = bootstrapServers;
    }

    /** What a rebuild did. */
    public record ReplayResult(List<String> topics, int eventsRead, int eventsApplied, long durationMs) {}

    /** Reads the topics up to their current end, then resets and reapplies everything. */
    public Uni<ReplayResult> rebuild() {
        long start = System.nanoTime();
        return vertx.executeBlocking(Uni.createFrom().item(this::readAll))
                .flatMap(events -> Panache.withTransaction(() -> projector
                                .reset()
                                .flatMap(v -> Multi.createFrom()
                                        .iterable(events)
                                        .onItem()
                                        .transformToUniAndConcatenate(projector::applyOnce)
                                        .filter(Boolean::booleanValue)
                                        .collect()
                                        .asList()))
                        .map(applied -> new ReplayResult(
                                projection.topics(),
                                events.size(),
                                applied.size(),
                                Duration.ofNanos(System.nanoTime() - start).toMillis())));
    }

    private List<CloudEvent> readAll() {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<CloudEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            for (String topic : projection.topics()) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                            Optional<CloudEvent> event = EventCodec.fromRecord(record);
                            event.ifPresent(events::add);
                        }
                    }
                }
            }
        }
        return events;
    }
}

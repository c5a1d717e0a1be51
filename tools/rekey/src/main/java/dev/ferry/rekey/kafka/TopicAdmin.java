package dev.ferry.rekey.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The topic and consumer-group operations the re-key needs, each waiting for Kafka to agree. */
public final class TopicAdmin implements AutoCloseable {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private final Admin admin;

    public TopicAdmin(Admin admin) {
        this.admin = admin;
    }

    /** A topic's shape and the settings it was given explicitly (not the broker's defaults). */
    public record Shape(int partitions, short replicationFactor, Map<String, String> configs) {}

    public boolean exists(String topic) {
        return get(admin.listTopics().names()).contains(topic);
    }

    public Shape describe(String topic) {
        TopicDescription description =
                get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = get(admin.describeConfigs(List.of(resource)).all()).get(resource);
        Map<String, String> explicit = new TreeMap<>();
        for (ConfigEntry entry : config.entries()) {
            if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && !entry.isSensitive()) {
                explicit.put(entry.name(), entry.value());
            }
        }
        return new Shape(
                description.partitions().size(),
                (short) description.partitions().get(0).replicas().size(),
                explicit);
    }

    /** Creates a topic unless it exists; waits until it can be read and written. */
    public void create(String topic, Shape shape) {
        try {
            get(admin.createTopics(List.of(new NewTopic(topic, shape.partitions(), shape.replicationFactor())
                            .configs(shape.configs())))
                    .all());
        } catch (TopicExistsException e) {
            // created by an earlier attempt or by an operator (Strimzi); the caller checks what it holds
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                TopicDescription d = get(admin.describeTopics(List.of(topic)).allTopicNames())
                        .get(topic);
                if (d.partitions().size() == shape.partitions()
                        && d.partitions().stream()
                                .allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (UnknownTopicOrPartitionException e) {
                // not propagated yet
            }
            pause(deadline, "topic " + topic + " to be created");
        }
    }

    /** Deletes a topic and waits until it is gone (a topic being deleted cannot be created again). */
    public void delete(String topic) {
        try {
            get(admin.deleteTopics(List.of(topic)).all());
        } catch (UnknownTopicOrPartitionException e) {
            // already gone
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (exists(topic)) {
            pause(deadline, "topic " + topic + " to be deleted");
        }
    }

    /** Consumer groups with members reading any of the topics, by group id. */
    public Map<String, Integer> activeGroups(Collection<String> topics) {
        Map<String, Integer> active = new TreeMap<>();
        List<String> groups = consumerGroups();
        if (groups.isEmpty()) {
            return active;
        }
        Map<String, ConsumerGroupDescription> described =
                get(admin.describeConsumerGroups(groups).all());
        for (ConsumerGroupDescription group : described.values()) {
            if (group.members().isEmpty()) {
                continue;
            }
            boolean reads = group.members().stream()
                    .flatMap(m -> m.assignment().topicPartitions().stream())
                    .anyMatch(tp -> topics.contains(tp.topic()));
            boolean committed =
                    committedOffsets(group.groupId()).keySet().stream().anyMatch(tp -> topics.contains(tp.topic()));
            if (reads || committed) {
                active.put(group.groupId(), group.members().size());
            }
        }
        return active;
    }

    /** Every consumer group's committed offsets on one topic: group, partition, offset. */
    public Map<String, Map<Integer, Long>> groupOffsets(String topic) {
        Map<String, Map<Integer, Long>> result = new TreeMap<>();
        for (String group : consumerGroups()) {
            committedOffsets(group).forEach((tp, offset) -> {
                if (tp.topic().equals(topic) && offset != null) {
                    result.computeIfAbsent(group, g -> new TreeMap<>()).put(tp.partition(), offset.offset());
                }
            });
        }
        return result;
    }

    /** Sets the committed offsets of a group (it must have no members). */
    public void setGroupOffsets(String group, String topic, Map<Integer, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> target = new java.util.HashMap<>();
        offsets.forEach((p, o) -> target.put(new TopicPartition(topic, p), new OffsetAndMetadata(o)));
        get(admin.alterConsumerGroupOffsets(group, target).all());
    }

    private List<String> consumerGroups() {
        Collection<GroupListing> listings =
                get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all());
        List<String> ids = new ArrayList<>();
        listings.forEach(g -> ids.add(g.groupId()));
        return ids;
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets(String group) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        return offsets == null ? Map.of() : offsets;
    }

    public Set<String> topics() {
        return get(admin.listTopics().names());
    }

    private static void pause(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Timed out waiting for " + what);
        }
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for " + what, e);
        }
    }

    static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}

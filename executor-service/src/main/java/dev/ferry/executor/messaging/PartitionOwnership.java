package dev.ferry.executor.messaging;

import dev.ferry.events.Topics;
import dev.ferry.executor.service.Ownership;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

/**
 * Tracks the ferry.migrations partitions this instance's consumer holds. A migration's events are keyed
 * by its id, so the partition (the producer's default murmur2 partitioner) names the one instance that
 * may run it; on revocation this instance stops starting steps of those migrations at once. A newly
 * assigned partition counts as owned only once its events up to the end at assignment were projected,
 * so a new owner never decides from a state older than what the previous owner recorded.
 */
@ApplicationScoped
@Default
@Identifier(PartitionOwnership.NAME)
public class PartitionOwnership implements KafkaConsumerRebalanceListener, Ownership {
    public static final String NAME = "executor-migrations-partitions";
    private static final Logger LOG = Logger.getLogger(PartitionOwnership.class);

    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Long> catchingUpTo = new ConcurrentHashMap<>();
    private volatile int partitions = Topics.ALL.stream()
            .filter(t -> t.name().equals(Topics.MIGRATIONS))
            .findFirst()
            .orElseThrow()
            .partitions();

    /** The partition of ferry.migrations a migration's events go to. */
    public static int partitionOf(String migrationId, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(migrationId.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }

    @Override
    public boolean owns(String migrationId) {
        int partition = partitionOf(migrationId, partitions);
        return owned.contains(partition) && !catchingUpTo.containsKey(partition);
    }

    /** The consumer projected this record (or skipped it); a partition that caught up becomes owned. */
    public void consumed(String topic, int partition, long offset) {
        if (topic.equals(Topics.MIGRATIONS)) {
            catchingUpTo.computeIfPresent(partition, (p, end) -> offset + 1 >= end ? null : end);
        }
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> assigned) {
        Map<TopicPartition, Long> ends = Map.of();
        try {
            ends = consumer.endOffsets(assigned);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the end offsets of %s: %s; owning them at once", assigned, e.getMessage());
        }
        for (TopicPartition p : assigned) {
            if (p.topic().equals(Topics.MIGRATIONS)) {
                long end = ends.getOrDefault(p, 0L);
                if (end > 0 && consumer.position(p) < end) {
                    catchingUpTo.put(p.partition(), end);
                } else {
                    catchingUpTo.remove(p.partition());
                }
                owned.add(p.partition());
            }
        }
        try {
            partitions = consumer.partitionsFor(Topics.MIGRATIONS).size();
        } catch (RuntimeException e) {
            LOG.debugf("Keeping %d partitions for %s: %s", partitions, Topics.MIGRATIONS, e.getMessage());
        }
        LOG.infof("Own partitions %s of %s (catching up on %s)", owned, Topics.MIGRATIONS, catchingUpTo);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
        revoked.stream().filter(p -> p.topic().equals(Topics.MIGRATIONS)).forEach(p -> {
            owned.remove(p.partition());
            catchingUpTo.remove(p.partition());
        });
        LOG.infof("Partitions revoked; now own %s of %s", owned, Topics.MIGRATIONS);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> lost) {
        onPartitionsRevoked(consumer, lost);
    }
}

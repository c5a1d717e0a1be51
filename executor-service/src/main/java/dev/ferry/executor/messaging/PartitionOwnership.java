package dev.ferry.executor.messaging;

import dev.ferry.events.Topics;
import dev.ferry.executor.service.Ownership;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

/**
 * Tracks the ferry.migrations partitions this instance's consumer holds. A migration's events are keyed
 * by its id, so the partition (the producer's default murmur2 partitioner) names the one instance that
 * may run it; on revocation this instance stops starting steps of those migrations at once.
 */
@ApplicationScoped
@Identifier(PartitionOwnership.NAME)
public class PartitionOwnership implements KafkaConsumerRebalanceListener, Ownership {
    public static final String NAME = "executor-migrations-partitions";
    private static final Logger LOG = Logger.getLogger(PartitionOwnership.class);

    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
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
        return owned.contains(partitionOf(migrationId, partitions));
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> assigned) {
        for (TopicPartition p : assigned) {
            if (p.topic().equals(Topics.MIGRATIONS)) {
                owned.add(p.partition());
            }
        }
        try {
            partitions = consumer.partitionsFor(Topics.MIGRATIONS).size();
        } catch (RuntimeException e) {
            LOG.debugf("Keeping %d partitions for %s: %s", partitions, Topics.MIGRATIONS, e.getMessage());
        }
        LOG.infof("Own partitions %s of %s", owned, Topics.MIGRATIONS);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
        revoked.stream().filter(p -> p.topic().equals(Topics.MIGRATIONS)).forEach(p -> owned.remove(p.partition()));
        LOG.infof("Partitions revoked; now own %s of %s", owned, Topics.MIGRATIONS);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> lost) {
        onPartitionsRevoked(consumer, lost);
    }
}

package dev.ferry.executor.messaging;

import dev.ferry.common.messaging.KafkaClients;
import dev.ferry.events.Topics;
import dev.ferry.executor.service.Ownership;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;

/**
 * Tracks the ferry.migrations partitions this instance's consumer holds. A migration's events are keyed
 * by its id, so the partition (the producer's default murmur2 partitioner) names the one instance that
 * may run it; on revocation this instance stops starting steps of those migrations at once. A newly
 * assigned partition counts as owned only once its events up to the end at assignment were projected,
 * so a new owner never decides from a state older than what the previous owner recorded; before it
 * takes over an attempt another process may still run, it checks that it projected the partition up
 * to its current end ({@link #caughtUp(String)}).
 */
@ApplicationScoped
@Default
@Identifier(PartitionOwnership.NAME)
public class PartitionOwnership implements KafkaConsumerRebalanceListener, Ownership {
    public static final String NAME = "executor-migrations-partitions";
    private static final Logger LOG = Logger.getLogger(PartitionOwnership.class);

    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(10);

    private final Map<Integer, Long> catchingUpTo = new ConcurrentHashMap<>();
    private final Map<Integer, Long> projected = new ConcurrentHashMap<>();
    private final KafkaClients clients;
    private Admin admin;
    private volatile int partitions = Topics.ALL.stream()
            .filter(t -> t.name().equals(Topics.MIGRATIONS))
            .findFirst()
            .orElseThrow()
            .partitions();

    public PartitionOwnership(KafkaClients clients) {
        this.clients = clients;
    }

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
            projected.merge(partition, offset, Math::max);
            catchingUpTo.computeIfPresent(partition, (p, end) -> offset + 1 >= end ? null : end);
        }
    }

    /**
     * True once everything appended to the migration's partition before this call was projected here;
     * false when that takes longer than 10 s (the caller looks again later).
     */
    @Override
    public Uni<Boolean> caughtUp(String migrationId) {
        TopicPartition partition = new TopicPartition(Topics.MIGRATIONS, partitionOf(migrationId, partitions));
        return Uni.createFrom()
                .completionStage(() -> admin().listOffsets(Map.of(partition, OffsetSpec.latest()))
                        .partitionResult(partition)
                        .toCompletionStage())
                .map(info -> info.offset())
                .flatMap(end -> Uni.createFrom()
                        .item(() -> projected.getOrDefault(partition.partition(), -1L) + 1 >= end)
                        .flatMap(done -> done
                                ? Uni.createFrom().item(true)
                                : Uni.createFrom().<Boolean>failure(new NotYet()))
                        .onFailure(NotYet.class)
                        .retry()
                        .withBackOff(Duration.ofMillis(20), Duration.ofMillis(200))
                        .expireIn(CATCH_UP_LIMIT.toMillis())
                        .onFailure(NotYet.class)
                        .recoverWithItem(false))
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("Cannot read the end of %s: %s", partition, failure.getMessage());
                    return false;
                });
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(clients.admin());
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** The projection has not reached the end read yet. */
    private static final class NotYet extends RuntimeException {
        NotYet() {
            super("not projected yet", null, false, false);
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

package dev.ferry.rekey.kafka;

import dev.ferry.rekey.cli.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Copies one partition to the same partition of another topic in order, with each record's key,
 * headers and timestamp, optionally changing its value.
 */
public final class PartitionCopier {
    private final Clients clients;

    public PartitionCopier(Clients clients) {
        this.clients = clients;
    }

    /** What a copy saw: records copied and where the source's offsets stop being consecutive. */
    public record Copied(long records, long end, List<Long> breaks) {}

    /**
     * Copies the records of {@code source} from the {@code skip}-th on (the target already holds the
     * ones before) to the same partition of {@code targetTopic}.
     *
     * @param transform the new value of a record, given its value and a description of where it is
     */
    public Copied copy(
            TopicPartition source,
            String targetTopic,
            long skip,
            BiFunction<byte[], String, byte[]> transform,
            Progress progress) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Long> breaks = new ArrayList<>();
        long index = 0;
        long expected = -1;
        long end;
        try (KafkaProducer<byte[], byte[]> producer = clients.producer();
                PartitionCursor cursor = PartitionCursor.open(clients, source, 0)) {
            end = cursor.end();
            ConsumerRecord<byte[], byte[]> record;
            while ((record = cursor.next()) != null) {
                if (record.offset() != expected) {
                    breaks.add(record.offset());
                    breaks.add(index);
                }
                expected = record.offset() + 1;
                if (index++ < skip) {
                    continue;
                }
                String where = source + " offset " + record.offset();
                byte[] value = transform.apply(record.value(), where);
                producer.send(
                        new ProducerRecord<>(
                                targetTopic,
                                source.partition(),
                                record.timestamp(),
                                record.key(),
                                value,
                                record.headers()),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                progress.add(1);
                if (failure.get() != null) {
                    break;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(
                    "Cannot write to " + targetTopic + ": " + failure.get().getMessage(), failure.get());
        }
        return new Copied(index, end, List.copyOf(breaks));
    }
}

package dev.ferry.rekey.kafka;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads one partition in order from an offset up to an end fixed when reading began, outside any group. */
public final class PartitionCursor implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int EMPTY_POLLS_BEFORE_GIVING_UP = 240;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicPartition partition;
    private final long end;
    private Iterator<ConsumerRecord<byte[], byte[]>> batch =
            List.<ConsumerRecord<byte[], byte[]>>of().iterator();
    private ConsumerRecord<byte[], byte[]> peeked;

    private PartitionCursor(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long end) {
        this.consumer = consumer;
        this.partition = partition;
        this.end = end;
    }

    /** A cursor from {@code from} (an offset; the log start when lower) to the partition's current end. */
    public static PartitionCursor open(Clients clients, TopicPartition partition, long from) {
        KafkaConsumer<byte[], byte[]> consumer = clients.consumer();
        try {
            consumer.assign(List.of(partition));
            long start = consumer.beginningOffsets(List.of(partition)).get(partition);
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            consumer.seek(partition, Math.max(start, from));
            return new PartitionCursor(consumer, partition, end);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** The end offset this cursor stops at. */
    public long end() {
        return end;
    }

    /** The next record, or null at the end. */
    public ConsumerRecord<byte[], byte[]> next() {
        ConsumerRecord<byte[], byte[]> record = peek();
        peeked = null;
        return record;
    }

    /** The next record without consuming it, or null at the end. */
    public ConsumerRecord<byte[], byte[]> peek() {
        if (peeked != null) {
            return peeked;
        }
        int empty = 0;
        while (true) {
            while (batch.hasNext()) {
                ConsumerRecord<byte[], byte[]> record = batch.next();
                if (record.offset() < end) {
                    peeked = record;
                    return record;
                }
            }
            if (consumer.position(partition) >= end) {
                return null;
            }
            List<ConsumerRecord<byte[], byte[]>> records = consumer.poll(POLL).records(partition);
            if (records.isEmpty() && ++empty > EMPTY_POLLS_BEFORE_GIVING_UP) {
                throw new IllegalStateException("No records arrive from " + partition + " at offset "
                        + consumer.position(partition) + " although it ends at " + end);
            }
            batch = records.iterator();
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}

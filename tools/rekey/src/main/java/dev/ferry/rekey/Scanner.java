package dev.ferry.rekey;

import dev.ferry.rekey.cli.Progress;
import dev.ferry.rekey.kafka.Clients;
import dev.ferry.rekey.kafka.PartitionCursor;
import dev.ferry.rekey.secret.KeyRing;
import dev.ferry.rekey.secret.Resealer;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a topic once and counts its sealed values by key id; with keys, also opens every value that
 * will be re-sealed, so wrong or missing key material is found before anything is written.
 */
final class Scanner {
    private final Clients clients;
    private final PrintStream out;

    Scanner(Clients clients, PrintStream out) {
        this.clients = clients;
        this.out = out;
    }

    /** What a topic holds. */
    record TopicCensus(String topic, long records, long notJson, Map<String, Long> byKeyId) {
        long sealedWith(KeyRing keys) {
            return byKeyId.entrySet().stream()
                    .filter(e -> keys.isOld(e.getKey()))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }
    }

    /** Counts; opens old-key values when {@code keys} is given, failing on the first that cannot be opened. */
    TopicCensus scan(String topic, int partitions, KeyRing keys) {
        Resealer resealer = keys == null ? null : new Resealer(keys);
        Map<String, Long> byKeyId = new TreeMap<>();
        long records = 0;
        long notJson = 0;
        Progress progress = new Progress(out, topic + " scan", -1);
        for (int p = 0; p < partitions; p++) {
            TopicPartition partition = new TopicPartition(topic, p);
            try (PartitionCursor cursor = PartitionCursor.open(clients, partition, 0)) {
                ConsumerRecord<byte[], byte[]> record;
                while ((record = cursor.next()) != null) {
                    records++;
                    Resealer.Census census = Resealer.census(record.value());
                    if (!census.json()) {
                        notJson++;
                    }
                    census.byKeyId().forEach((id, n) -> byKeyId.merge(id, (long) n, Long::sum));
                    if (keys != null && census.old(keys) > 0) {
                        String where = partition + " offset " + record.offset();
                        for (String id : census.byKeyId().keySet()) {
                            if (!keys.keyIds().contains(id)) {
                                throw new Resealer.RekeyException(topic + " holds values sealed with key id " + id
                                        + ", which is not configured (set " + KeyRing.envName(id) + "); first at "
                                        + where);
                            }
                        }
                        resealer.checkOpens(record.value(), where);
                    }
                    progress.add(1);
                }
            }
        }
        return new TopicCensus(topic, records, notJson, byKeyId);
    }
}

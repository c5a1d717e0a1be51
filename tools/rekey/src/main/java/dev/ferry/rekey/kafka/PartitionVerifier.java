package dev.ferry.rekey.kafka;

import dev.ferry.rekey.cli.Progress;
import dev.ferry.rekey.secret.Resealer.VerificationException;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Reads a partition and its copy side by side and proves the copy: same number of records, and each
 * pair has the same key, headers and timestamp and values that the given check accepts.
 */
public final class PartitionVerifier {
    private final Clients clients;

    public PartitionVerifier(Clients clients) {
        this.clients = clients;
    }

    /** Accepts or rejects a copied value. */
    @FunctionalInterface
    public interface ValueCheck {
        void check(byte[] original, byte[] copy, String where);
    }

    /** The copied value must be the same bytes. */
    public static final ValueCheck IDENTICAL = (original, copy, where) -> {
        if (!Arrays.equals(original, copy)) {
            throw new VerificationException("Verification failed at " + where + ": the value differs");
        }
    };

    /** Proves the whole copy; returns its record count. */
    public long verify(TopicPartition original, TopicPartition copy, ValueCheck values, Progress progress) {
        return compare(original, copy, values, progress, false);
    }

    /**
     * Whether the copy holds the first records of the original, byte for byte (a copy interrupted
     * part way); returns how many it holds, or -1 when it holds anything else.
     */
    public long prefixLength(TopicPartition original, TopicPartition copy) {
        try {
            return compare(original, copy, IDENTICAL, null, true);
        } catch (VerificationException e) {
            return -1;
        }
    }

    private long compare(
            TopicPartition original, TopicPartition copy, ValueCheck values, Progress progress, boolean prefix) {
        long count = 0;
        try (PartitionCursor a = PartitionCursor.open(clients, original, 0);
                PartitionCursor b = PartitionCursor.open(clients, copy, 0)) {
            while (true) {
                ConsumerRecord<byte[], byte[]> left = a.next();
                ConsumerRecord<byte[], byte[]> right = b.next();
                if (right == null && (left == null || prefix)) {
                    return count;
                }
                String where = copy + " record " + count + " (" + original + " offset "
                        + (left == null ? "-" : left.offset()) + ")";
                if (left == null || right == null) {
                    throw new VerificationException("Verification failed at " + where + ": "
                            + (left == null ? "the copy has more records" : "the copy has fewer records"));
                }
                if (!Arrays.equals(left.key(), right.key())) {
                    throw new VerificationException("Verification failed at " + where + ": the key differs");
                }
                if (left.timestamp() != right.timestamp()) {
                    throw new VerificationException("Verification failed at " + where + ": the timestamp differs");
                }
                if (!sameHeaders(left.headers().iterator(), right.headers().iterator())) {
                    throw new VerificationException("Verification failed at " + where + ": the headers differ");
                }
                values.check(left.value(), right.value(), where);
                count++;
                if (progress != null) {
                    progress.add(1);
                }
            }
        }
    }

    private static boolean sameHeaders(Iterator<Header> a, Iterator<Header> b) {
        while (a.hasNext() && b.hasNext()) {
            Header x = a.next();
            Header y = b.next();
            if (!x.key().equals(y.key()) || !Arrays.equals(x.value(), y.value())) {
                return false;
            }
        }
        return !a.hasNext() && !b.hasNext();
    }
}

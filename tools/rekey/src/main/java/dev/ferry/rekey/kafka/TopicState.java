package dev.ferry.rekey.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How far the re-key of one topic got, kept in Kafka next to the data so any rerun, from any machine,
 * knows which copy is the one to trust.
 *
 * @param topic the Ferry topic
 * @param phase how far it got
 * @param newKeyId the key its staging copy was sealed with
 * @param shape partitions, replication and explicit configs of the original topic
 * @param sourceEnds the original's end offset per partition when it was staged
 * @param counts records per partition in the staging copy
 * @param breaks per partition, pairs (original offset, index) where original offsets stop being
 *     consecutive; used to move committed consumer offsets to the copy
 * @param groupOffsets committed consumer offsets on the original, already moved to the copy's offsets
 * @param at when this phase was reached
 */
public record TopicState(
        String topic,
        Phase phase,
        String newKeyId,
        TopicAdmin.Shape shape,
        List<Long> sourceEnds,
        List<Long> counts,
        List<List<Long>> breaks,
        Map<String, Map<Integer, Long>> groupOffsets,
        Instant at) {

    /** The phases of one topic, in order. */
    public enum Phase {
        /** A staging copy is being written; the original is untouched and the only truth. */
        STAGING,
        /** The staging copy is complete and verified; the original is still untouched. */
        STAGED,
        /** The original may be deleted or partly rewritten; the staging copy is the truth. */
        COMMITTING,
        /** The original holds the re-sealed events and the staging copy is gone. */
        DONE
    }

    public String staging() {
        return stagingName(topic);
    }

    public static String stagingName(String topic) {
        return topic + ".rekey-staging";
    }

    public TopicState with(Phase next) {
        return new TopicState(topic, next, newKeyId, shape, sourceEnds, counts, breaks, groupOffsets, Instant.now());
    }

    public TopicState withGroupOffsets(Map<String, Map<Integer, Long>> offsets) {
        return new TopicState(topic, phase, newKeyId, shape, sourceEnds, counts, breaks, offsets, at);
    }

    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Where a consumer committed at {@code offset} on the original resumes on the copy: the index of
     * the first record at or after that offset.
     */
    public long translate(int partition, long offset) {
        List<Long> pairs = breaks.get(partition);
        long count = counts.get(partition);
        for (int i = 0; i < pairs.size(); i += 2) {
            long segmentOffset = pairs.get(i);
            long segmentIndex = pairs.get(i + 1);
            long segmentEnd = i + 3 < pairs.size() ? pairs.get(i + 3) : count; // next segment's index
            long length = segmentEnd - segmentIndex;
            if (offset <= segmentOffset) {
                return segmentIndex;
            }
            if (offset < segmentOffset + length) {
                return segmentIndex + (offset - segmentOffset);
            }
        }
        return count;
    }
}

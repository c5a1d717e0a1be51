package dev.ferry.rekey;

import dev.ferry.rekey.cli.Progress;
import dev.ferry.rekey.kafka.Clients;
import dev.ferry.rekey.kafka.PartitionCopier;
import dev.ferry.rekey.kafka.PartitionVerifier;
import dev.ferry.rekey.kafka.StateStore;
import dev.ferry.rekey.kafka.TopicAdmin;
import dev.ferry.rekey.kafka.TopicState;
import dev.ferry.rekey.kafka.TopicState.Phase;
import dev.ferry.rekey.secret.KeyRing;
import dev.ferry.rekey.secret.Resealer;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Re-seals the event log under the active key in two phases: every topic is copied, re-sealed, to a
 * staging topic and verified; only then, and only when asked, each original is replaced by its
 * verified copy. Progress is recorded in {@link StateStore} before each step that depends on it, so a
 * rerun after a crash anywhere continues from the copy that is known to be whole.
 */
public final class Rekeyer {
    /** What a run may do. */
    public enum Mode {
        /** Count and check only. */
        DRY_RUN,
        /** Stage and verify; the originals stay untouched. */
        STAGE,
        /** Stage if needed, then replace the originals. */
        COMMIT
    }

    /** Named points between steps; tests stop the run at one to act out a crash. */
    @FunctionalInterface
    public interface Checkpoints {
        Checkpoints NONE = (point, topic) -> {};

        void reached(String point, String topic);
    }

    private final Clients clients;
    private final TopicAdmin admin;
    private final StateStore store;
    private final KeyRing keys;
    private final PrintStream out;
    private final Checkpoints checkpoints;
    private final PartitionCopier copier;
    private final PartitionVerifier verifier;
    private final Resealer resealer;

    public Rekeyer(Clients clients, TopicAdmin admin, KeyRing keys, PrintStream out, Checkpoints checkpoints) {
        this.clients = clients;
        this.admin = admin;
        this.store = new StateStore(clients, admin);
        this.keys = keys;
        this.out = out;
        this.checkpoints = checkpoints;
        this.copier = new PartitionCopier(clients);
        this.verifier = new PartitionVerifier(clients);
        this.resealer = new Resealer(keys);
    }

    /** Runs over the given topics; throws with a message naming what is wrong when anything is. */
    public void run(List<String> topics, Mode mode) {
        long started = System.nanoTime();
        Map<String, TopicState> states = store.read();
        if (mode != Mode.DRY_RUN) {
            requireServicesStopped(topics);
        }
        for (String topic : topics) {
            TopicState state = states.get(topic);
            if (state != null && state.phase() == Phase.COMMITTING) {
                if (mode == Mode.DRY_RUN) {
                    out.printf(
                            "%s: being replaced by its re-sealed copy %s; rerun with --commit to finish%n",
                            topic, state.staging());
                    continue;
                }
                if (mode != Mode.COMMIT) {
                    throw new IllegalStateException(topic + " was being replaced by its re-sealed copy when a run "
                            + "stopped; rerun with --commit to finish (the copy " + state.staging() + " is whole)");
                }
                out.printf("%s: finishing the interrupted replacement from %s%n", topic, state.staging());
                states.put(topic, finishCommit(state));
            }
        }

        out.printf(
                "Active key %s; re-sealing values sealed with any other configured key (%s)%n",
                keys.activeKeyId(), String.join(", ", keys.keyIds()));
        Map<String, Scanner.TopicCensus> census = new LinkedHashMap<>();
        Scanner scanner = new Scanner(clients, out);
        for (String topic : topics) {
            TopicState state = states.get(topic);
            if (state != null && state.phase() == Phase.COMMITTING) {
                continue; // dry run only; reported above
            }
            if (!admin.exists(topic)) {
                out.printf("%s: does not exist, skipped%n", topic);
                continue;
            }
            Scanner.TopicCensus c = scanner.scan(topic, admin.describe(topic).partitions(), keys);
            census.put(topic, c);
            out.printf(
                    Locale.ROOT,
                    "%s: %,d records, sealed values by key id %s, %,d to re-seal%s%s%n",
                    topic,
                    c.records(),
                    c.byKeyId(),
                    c.sealedWith(keys),
                    c.notJson() > 0
                            ? String.format(Locale.ROOT, ", %,d values not JSON (copied as they are)", c.notJson())
                            : "",
                    describe(states.get(topic)));
        }
        long total = census.values().stream().mapToLong(c -> c.sealedWith(keys)).sum();
        if (mode == Mode.DRY_RUN) {
            out.printf(
                    Locale.ROOT,
                    "Dry run: %,d sealed values would be re-sealed with %s; nothing was changed%n",
                    total,
                    keys.activeKeyId());
            return;
        }

        List<TopicState> staged = new ArrayList<>();
        for (Scanner.TopicCensus c : census.values()) {
            TopicState state = usableStaging(c.topic(), states.get(c.topic()));
            if (state == null) {
                if (c.sealedWith(keys) == 0) {
                    dropStaging(c.topic());
                    out.printf("%s: nothing sealed with an old key, left as it is%n", c.topic());
                    continue;
                }
                state = stage(c.topic());
            } else {
                out.printf("%s: already staged and verified in %s%n", c.topic(), state.staging());
            }
            staged.add(state);
        }
        if (mode == Mode.STAGE) {
            out.printf(
                    Locale.ROOT,
                    "Staged %d topic(s) in %.1f s; the originals are untouched. "
                            + "Run again with --commit to replace them.%n",
                    staged.size(),
                    seconds(started));
            return;
        }
        for (TopicState state : staged) {
            commit(state);
        }
        out.printf(
                Locale.ROOT,
                "Re-keyed %d topic(s) in %.1f s; every sealed value is now under %s%n",
                staged.size(),
                seconds(started),
                keys.activeKeyId());
    }

    private void requireServicesStopped(List<String> topics) {
        List<String> watched = new ArrayList<>(topics);
        topics.forEach(t -> watched.add(TopicState.stagingName(t)));
        Map<String, Integer> active = admin.activeGroups(watched);
        if (!active.isEmpty()) {
            throw new IllegalStateException("Stop every Ferry service first: consumer groups still have members "
                    + active + "; nothing was changed");
        }
    }

    /** A staging copy that can still be committed, or null (after dropping a stale one). */
    private TopicState usableStaging(String topic, TopicState state) {
        if (state == null || state.phase() != Phase.STAGED) {
            return null;
        }
        String why = null;
        if (!state.newKeyId().equals(keys.activeKeyId())) {
            why = "it was sealed with " + state.newKeyId() + ", the active key is now " + keys.activeKeyId();
        } else if (!admin.exists(state.staging())) {
            why = "it is missing";
        } else if (!endOffsets(topic, state.shape().partitions()).equals(state.sourceEnds())) {
            why = topic + " has changed since it was staged";
        }
        if (why == null) {
            return state;
        }
        out.printf("%s: the staging copy cannot be used (%s); staging again%n", topic, why);
        return null;
    }

    private TopicState stage(String topic) {
        TopicAdmin.Shape shape = admin.describe(topic);
        TopicState state = new TopicState(
                topic,
                Phase.STAGING,
                keys.activeKeyId(),
                shape,
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                Instant.now());
        store.write(state, shape.replicationFactor());
        dropStaging(topic);
        admin.create(state.staging(), shape);
        out.printf(
                "%s: staging in %s (%d partitions, configs %s)%n",
                topic, state.staging(), shape.partitions(), shape.configs());
        List<Long> ends = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<List<Long>> breaks = new ArrayList<>();
        Progress copy = new Progress(out, topic + " re-seal", -1);
        for (int p = 0; p < shape.partitions(); p++) {
            PartitionCopier.Copied copied =
                    copier.copy(new TopicPartition(topic, p), state.staging(), 0, resealer::reseal, copy);
            ends.add(copied.end());
            counts.add(copied.records());
            breaks.add(copied.breaks());
        }
        copy.finish("re-sealed and copied");
        checkpoints.reached("copied", topic);
        Progress check = new Progress(out, topic + " verify", copy.done());
        for (int p = 0; p < shape.partitions(); p++) {
            long n = verifier.verify(
                    new TopicPartition(topic, p), new TopicPartition(state.staging(), p), resealer::verify, check);
            if (n != counts.get(p)) {
                throw new IllegalStateException(topic + " partition " + p + " changed while it was staged");
            }
        }
        check.finish("verified (keys, headers, timestamps, order; every value opens with " + keys.activeKeyId()
                + " alone to its old plaintext)");
        TopicState done = new TopicState(
                topic, Phase.STAGED, keys.activeKeyId(), shape, ends, counts, breaks, Map.of(), Instant.now());
        store.write(done, shape.replicationFactor());
        checkpoints.reached("staged", topic);
        return done;
    }

    private void commit(TopicState staged) {
        Map<String, Map<Integer, Long>> moved = new TreeMap<>();
        admin.groupOffsets(staged.topic()).forEach((group, offsets) -> {
            Map<Integer, Long> translated = new TreeMap<>();
            offsets.forEach((p, o) -> translated.put(p, staged.translate(p, o)));
            moved.put(group, translated);
        });
        TopicState committing = staged.with(Phase.COMMITTING).withGroupOffsets(moved);
        store.write(committing, staged.shape().replicationFactor());
        checkpoints.reached("committing", staged.topic());
        finishCommit(committing);
    }

    /** Replaces the original by the verified staging copy; safe to repeat from any point. */
    private TopicState finishCommit(TopicState state) {
        String topic = state.topic();
        int partitions = state.shape().partitions();
        if (!admin.exists(state.staging())) {
            if (admin.exists(topic) && endOffsets(topic, partitions).equals(state.counts())) {
                return done(state); // the copy back was verified and the staging copy deleted
            }
            throw new IllegalStateException("The re-key state says " + state.staging() + " holds " + topic
                    + ", but it is missing and " + topic + " is not whole; touch nothing and restore from backup");
        }
        if (!endOffsets(state.staging(), partitions).equals(state.counts())) {
            throw new IllegalStateException(state.staging() + " does not hold the records it was verified with; "
                    + "touch nothing and restore from backup");
        }
        long[] skip = new long[partitions];
        if (admin.exists(topic)) {
            boolean prefix = admin.describe(topic).partitions() == partitions;
            for (int p = 0; prefix && p < partitions; p++) {
                skip[p] = verifier.prefixLength(new TopicPartition(state.staging(), p), new TopicPartition(topic, p));
                prefix = skip[p] >= 0;
            }
            if (!prefix) {
                if (!endOffsets(topic, partitions).equals(state.sourceEnds())) {
                    throw new IllegalStateException(topic + " differs both from its re-sealed copy and from the "
                            + "original that was staged (were services running?); it is left as it is");
                }
                out.printf("%s: deleting the original (its verified re-sealed copy is %s)%n", topic, state.staging());
                admin.delete(topic);
                checkpoints.reached("deleted", topic);
                java.util.Arrays.fill(skip, 0);
            }
        }
        if (!admin.exists(topic)) {
            admin.create(topic, state.shape());
            out.printf(
                    "%s: recreated with %d partitions, replication %d, configs %s%n",
                    topic,
                    partitions,
                    state.shape().replicationFactor(),
                    state.shape().configs());
        }
        checkpoints.reached("recreated", topic);
        Progress copy = new Progress(out, topic + " copy back", state.total());
        for (int p = 0; p < partitions; p++) {
            copier.copy(new TopicPartition(state.staging(), p), topic, skip[p], (value, where) -> value, copy);
        }
        copy.finish("copied back");
        checkpoints.reached("copied-back", topic);
        Progress check = new Progress(out, topic + " verify", state.total());
        for (int p = 0; p < partitions; p++) {
            long n = verifier.verify(
                    new TopicPartition(state.staging(), p),
                    new TopicPartition(topic, p),
                    PartitionVerifier.IDENTICAL,
                    check);
            if (n != state.counts().get(p)) {
                throw new IllegalStateException(topic + " partition " + p + " holds " + n + " records, expected "
                        + state.counts().get(p));
            }
        }
        check.finish("verified identical to the staging copy");
        return done(state);
    }

    private TopicState done(TopicState state) {
        state.groupOffsets().forEach((group, offsets) -> {
            admin.setGroupOffsets(group, state.topic(), offsets);
            out.printf("%s: consumer group %s resumes where it stopped %s%n", state.topic(), group, offsets);
        });
        if (admin.exists(state.staging())) {
            admin.delete(state.staging());
        }
        TopicState done = state.with(Phase.DONE);
        store.write(done, state.shape().replicationFactor());
        out.printf(
                Locale.ROOT, "%s: done, %,d records, sealed with %s%n", state.topic(), state.total(), state.newKeyId());
        return done;
    }

    private void dropStaging(String topic) {
        String staging = TopicState.stagingName(topic);
        if (admin.exists(staging)) {
            out.printf("%s: deleting the unfinished staging copy %s (the original is untouched)%n", topic, staging);
            admin.delete(staging);
        }
    }

    private List<Long> endOffsets(String topic, int partitions) {
        List<TopicPartition> tps = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            tps.add(new TopicPartition(topic, p));
        }
        try (var consumer = clients.consumer()) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(tps);
            return tps.stream().map(tp -> Objects.requireNonNull(ends.get(tp))).toList();
        }
    }

    private static String describe(TopicState state) {
        if (state == null || state.phase() == Phase.DONE) {
            return "";
        }
        return switch (state.phase()) {
            case STAGING -> " (a staging copy was interrupted; it will be redone)";
            case STAGED -> " (staged with " + state.newKeyId() + ", waiting for --commit)";
            default -> "";
        };
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}

package dev.ferry.executor.data.postgres;

import dev.ferry.executor.data.postgres.Replication.Names;
import dev.ferry.executor.data.postgres.Replication.Subscription;
import dev.ferry.executor.data.postgres.Replication.TableStates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The cut-over end of a logical sync, run with writes to the source stopped: waits until the
 * subscription confirmed everything up to the source's current WAL position, copies the sequences
 * (logical replication does not carry them), then drops the subscription, the slot and the
 * publication, so the target stands alone and is writable. Every step is an ensure: after a crash
 * anywhere, running it again finds what is left and finishes.
 */
public final class LogicalCatchUp {
    private static final Logger LOG = Logger.getLogger(LogicalCatchUp.class);
    private static final long POLL_MILLIS = 50;

    /**
     * What a catch-up did.
     *
     * @param lagBytes the WAL the subscriber still had to confirm when the catch-up started
     * @param waited how long the wait for zero lag took
     * @param sequences how many sequences were set on the target
     * @param subscriptionDropped whether this run dropped the subscription (false: an earlier run had)
     */
    public record CatchUpReport(
            Names names,
            long lagBytes,
            String sourceLsn,
            Duration waited,
            int sequences,
            boolean subscriptionDropped,
            Duration elapsed) {}

    public CatchUpReport catchUp(
            String sourceUrl, String targetUrl, String handle, Duration maxWait, CopyProgress.Listener listener) {
        PgEndpoint source = PgEndpoint.parse(sourceUrl);
        PgEndpoint target = PgEndpoint.parse(targetUrl);
        Names names = Names.of(handle);
        long start = System.nanoTime();
        try (Connection s = Sql.open(source, "source");
                Connection t = Sql.open(target, "target")) {
            Optional<Subscription> sub = Replication.subscription(t, names.subscription());
            long lag = 0;
            String lsn = null;
            Duration waited = Duration.ZERO;
            if (sub.isPresent()) {
                if (!sub.get().enabled()) {
                    Sql.exec(t, "alter subscription " + names.subscription() + " enable");
                }
                lsn = Replication.currentLsn(s);
                Long initial = Replication.lag(s, names.slot(), lsn);
                if (initial == null) {
                    throw new DataCopyException(
                            "The subscription " + names.subscription() + " exists but its slot " + names.slot()
                                    + " is missing on the source " + source.describe()
                                    + ": changes since the slot was lost cannot be caught up; sync again",
                            false);
                }
                lag = initial;
                long waitStart = System.nanoTime();
                waitFor(s, t, names, sub.get(), lsn, maxWait, listener);
                waited = Duration.ofNanos(System.nanoTime() - waitStart);
            } else {
                requireSyncedSchema(s, t, source, target, names);
            }
            int sequences = copySequences(s, t);
            boolean dropped = false;
            if (sub.isPresent()) {
                Replication.dropSubscription(t, sub.get(), names.subscription());
                dropped = true;
            }
            Replication.dropSourceSide(s, names, sub.map(Subscription::oid).orElse(null));
            CatchUpReport report = new CatchUpReport(
                    names, lag, lsn, waited, sequences, dropped, Duration.ofNanos(System.nanoTime() - start));
            LOG.infof(
                    "Caught up %s on %s: lag %d bytes waited out in %d ms, %d sequences set, subscription %s",
                    source.describe(),
                    target.describe(),
                    lag,
                    waited.toMillis(),
                    sequences,
                    dropped ? "dropped" : "already gone");
            return report;
        } catch (DataCopyException e) {
            throw e;
        } catch (Exception e) {
            throw Failures.classify(e, "catching up " + target.describe() + " with " + source.describe());
        }
    }

    /** Waits until every table is ready and the slot confirmed {@code lsn}: everything written before it is applied. */
    private static void waitFor(
            Connection s,
            Connection t,
            Names names,
            Subscription sub,
            String lsn,
            Duration maxWait,
            CopyProgress.Listener listener)
            throws SQLException {
        long begin = System.nanoTime();
        long deadline = begin + maxWait.toNanos();
        long lastReport = begin;
        while (true) {
            Long lag = Replication.lag(s, names.slot(), lsn);
            TableStates states = Replication.states(t, sub.oid());
            boolean ready = states.allReady() || states.total() == 0;
            if (lag != null && lag <= 0 && ready) {
                return;
            }
            long now = System.nanoTime();
            if (lag == null) {
                throw new DataCopyException(
                        "The slot " + names.slot() + " vanished from the source while catching up; sync again", false);
            }
            if (now > deadline) {
                throw new DataCopyException(
                        "The subscription " + names.subscription() + " did not catch up within " + maxWait.toSeconds()
                                + " s: " + lag + " bytes of WAL up to " + lsn + " not confirmed, " + states.ready()
                                + " of " + states.total() + " tables ready. Check that writes are stopped and the"
                                + " target's server log; running the step again keeps waiting",
                        true);
            }
            if (now - lastReport >= 1_000_000_000L) {
                lastReport = now;
                listener.progress(new CopyProgress(
                        "catch-up",
                        0,
                        0,
                        0,
                        states.ready(),
                        states.total(),
                        null,
                        "Waiting for the subscription to apply the last " + lag + " bytes of WAL"));
            }
            Replication.sleep(POLL_MILLIS);
        }
    }

    /**
     * Without a subscription this is a re-run after the drop (or the sync never ran): the target
     * must hold every table of the source, else there is nothing to catch up.
     */
    private static void requireSyncedSchema(
            Connection s, Connection t, PgEndpoint source, PgEndpoint target, Names names) throws SQLException {
        Set<String> missing = new HashSet<>(Replication.tables(s, ""));
        missing.removeAll(Replication.tables(t, ""));
        if (!missing.isEmpty()) {
            throw new DataCopyException(
                    "There is no subscription " + names.subscription() + " on " + target.describe()
                            + " and it lacks tables of " + source.describe() + " " + missing
                            + ": the logical sync step has not run",
                    false);
        }
        LOG.infof("The subscription %s is gone already; setting sequences and finishing", names.subscription());
    }

    /** Sets every target sequence to the source's value; both sides stand still, so running it twice is harmless. */
    private static int copySequences(Connection s, Connection t) throws SQLException {
        List<Catalog.Sequence> sequences = Catalog.sequences(s);
        try (PreparedStatement set = t.prepareStatement("select pg_catalog.setval(?::regclass, ?, ?)")) {
            for (Catalog.Sequence seq : sequences) {
                try (Statement st = s.createStatement();
                        ResultSet rs = st.executeQuery("select last_value, is_called from " + seq.name())) {
                    rs.next();
                    set.setString(1, seq.name());
                    set.setLong(2, rs.getLong(1));
                    set.setBoolean(3, rs.getBoolean(2));
                    set.execute();
                }
            }
        }
        return sequences.size();
    }
}

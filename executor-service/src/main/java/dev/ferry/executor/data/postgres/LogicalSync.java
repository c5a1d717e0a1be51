package dev.ferry.executor.data.postgres;

import dev.ferry.executor.data.postgres.Catalog.Table;
import dev.ferry.executor.data.postgres.Replication.Names;
import dev.ferry.executor.data.postgres.Replication.Subscription;
import dev.ferry.executor.data.postgres.Replication.TableStates;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Starts native PostgreSQL logical replication from a source into a new target and waits until the
 * initial copy is done: the source's schema (pg_dump pre- and post-data, primary keys included) on
 * the target, a publication of the user tables on the source, a subscription with {@code
 * copy_data} on the target. The subscription keeps applying the source's writes afterwards until
 * {@link LogicalCatchUp} cuts over. Running it again finds the publication and the subscription
 * and only waits; a source that cannot replicate is refused before anything is created.
 */
public final class LogicalSync {
    private static final Logger LOG = Logger.getLogger(LogicalSync.class);

    /**
     * What a sync achieved.
     *
     * @param resumed the subscription existed already (an earlier attempt created it)
     * @param bytes the source's table data (heap and TOAST) the initial copy moved
     * @param initialSync from creating the subscription (or this attempt's start) until every table was ready
     * @param lagBytes WAL the subscriber had not confirmed when the step finished
     */
    public record SyncReport(
            Names names,
            int tables,
            long bytes,
            boolean resumed,
            Duration initialSync,
            long lagBytes,
            Duration elapsed) {
        public double megabytesPerSecond() {
            double seconds = initialSync.toNanos() / 1e9;
            return seconds <= 0 ? 0 : bytes / 1e6 / seconds;
        }
    }

    private final PgTools tools;

    public LogicalSync(PgTools tools) {
        this.tools = tools;
    }

    public SyncReport sync(
            String sourceUrl,
            String targetUrl,
            String handle,
            CopyOwner owner,
            CopyOptions options,
            Duration maxWait,
            CopyProgress.Listener listener) {
        PgEndpoint source = PgEndpoint.parse(sourceUrl);
        PgEndpoint target = PgEndpoint.parse(targetUrl);
        Names names = Names.of(handle);
        long start = System.nanoTime();
        try (Connection s = Sql.open(source, "source");
                Connection t = Sql.open(target, "target")) {
            CopyMark.lock(t, target);
            Optional<Subscription> existing = Replication.subscription(t, names.subscription());
            List<String> refusals = SyncRefusals.of(s, t, source, target, names, owner, existing.isPresent());
            if (!refusals.isEmpty()) {
                throw new DataCopyException(String.join("; ", refusals), false);
            }
            CopyMark.claim(t, target, owner, Replication.tables(t, ""));
            List<Table> tables = Catalog.tables(s);
            Progress progress = new Progress(tables, options.progressEvery(), listener);
            ensurePublication(s, names, tables);
            Subscription sub;
            if (existing.isEmpty()) {
                progress.phase("schema", "Creating the schema on " + target.describe());
                installSchema(source, target, s, t, tables, options, progress);
                sub = subscribe(s, t, source, target, names);
            } else {
                sub = existing.get();
                if (!sub.enabled()) {
                    Sql.exec(t, "alter subscription " + names.subscription() + " enable");
                }
                LOG.infof("Subscription %s exists on %s; waiting for its initial sync", sub, target.describe());
            }
            long syncStart = System.nanoTime();
            waitUntilReady(s, t, names, sub, tables, options, maxWait, listener);
            CopyMark.complete(t, target, owner);
            Duration initial = Duration.ofNanos(System.nanoTime() - syncStart);
            Long lag = Replication.lag(s, names.slot(), null);
            long bytes = tables.stream().mapToLong(Table::totalBytes).sum();
            SyncReport report = new SyncReport(
                    names,
                    tables.size(),
                    bytes,
                    existing.isPresent(),
                    initial,
                    lag == null ? 0 : lag,
                    Duration.ofNanos(System.nanoTime() - start));
            listener.progress(new CopyProgress(
                    "done",
                    bytes,
                    bytes,
                    0,
                    tables.size(),
                    tables.size(),
                    0L,
                    "Every table synced; the subscription keeps applying changes (lag " + report.lagBytes()
                            + " bytes)"));
            LOG.infof(
                    "Synced %s into %s: %d tables, %d MB in %.1f s, lag %d bytes",
                    source.describe(),
                    target.describe(),
                    report.tables(),
                    bytes >> 20,
                    initial.toMillis() / 1000.0,
                    report.lagBytes());
            return report;
        } catch (DataCopyException e) {
            throw e;
        } catch (Exception e) {
            throw Failures.classify(e, "syncing " + source.describe() + " into " + target.describe());
        }
    }

    /** Checks, creating nothing, whether a sync could start; returns the problems found. */
    public List<String> preflight(String sourceUrl, String targetUrl, String handle, CopyOwner owner) {
        PgEndpoint source;
        PgEndpoint target;
        try {
            source = PgEndpoint.parse(sourceUrl);
            target = PgEndpoint.parse(targetUrl);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        Names names = Names.of(handle);
        try (Connection s = Sql.open(source, "source");
                Connection t = Sql.open(target, "target")) {
            boolean subscribed =
                    Replication.subscription(t, names.subscription()).isPresent();
            List<String> problems = new ArrayList<>(SyncRefusals.of(s, t, source, target, names, owner, subscribed));
            try {
                tools.requireDumpCanRead(Catalog.serverVersion(s));
            } catch (DataCopyException e) {
                problems.add(e.getMessage());
            }
            return problems;
        } catch (SQLException e) {
            return List.of(Failures.classify(e, "checking " + source.describe() + " and " + target.describe())
                    .getMessage());
        }
    }

    /** The publication of every user table; an existing one gets the tables it lacks. */
    private static void ensurePublication(Connection s, Names names, List<Table> tables) throws SQLException {
        Set<String> wanted = tables.stream().map(Table::name).collect(Collectors.toCollection(TreeSet::new));
        if (!Replication.publicationExists(s, names.publication())) {
            Sql.exec(
                    s,
                    "create publication " + names.publication()
                            + (wanted.isEmpty() ? "" : " for table " + String.join(", ", wanted)));
            return;
        }
        Set<String> published = Catalog.names(
                s,
                "select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_publication_tables"
                        + " where pubname = " + Replication.literal(names.publication()));
        wanted.removeAll(published);
        if (!wanted.isEmpty()) {
            Sql.exec(s, "alter publication " + names.publication() + " add table " + String.join(", ", wanted));
        }
    }

    /**
     * The source's schema on the target. Runs only while no subscription exists and after the target
     * was claimed (its mark names this migration step, see {@link CopyMark}), so tables the target
     * holds can only be an earlier attempt's: they are dropped and the schema created again.
     */
    private void installSchema(
            PgEndpoint source,
            PgEndpoint target,
            Connection s,
            Connection t,
            List<Table> tables,
            CopyOptions options,
            Progress progress)
            throws Exception {
        if (!Replication.tables(t, "").isEmpty()) {
            LOG.infof("The target %s holds an earlier attempt's schema; dropping it first", target.describe());
            dropEarlierSchema(source, t);
        }
        Sql.exec(s, "begin isolation level repeatable read read only");
        String preData;
        String postData;
        Set<String> partitioned;
        try {
            String snapshot = Sql.one(s, "select pg_export_snapshot()");
            preData = tools.dumpSection(source, "pre-data", snapshot);
            postData = tools.dumpSection(source, "post-data", snapshot);
            partitioned = Catalog.partitionedTables(s);
        } finally {
            Sql.exec(s, "commit");
        }
        Sql.script(t, SqlScript.statements(preData), true);
        // indexes and keys come before the data: the subscriber needs the primary keys to apply updates
        new PostDataRunner(target, options).run(PostDataPlan.of(SqlScript.statements(postData), partitioned), progress);
        LOG.infof("Created the schema of %d tables on %s", tables.size(), target.describe());
    }

    private void dropEarlierSchema(PgEndpoint source, Connection t) throws SQLException {
        List<String> drops = new ArrayList<>();
        for (String sql : SqlScript.statements(tools.cleanScript(source))) {
            String upper = sql.toUpperCase(Locale.ROOT);
            if (upper.startsWith("SET ") || upper.startsWith("SELECT PG_CATALOG.SET_CONFIG")) {
                drops.add(sql);
            } else if (upper.startsWith("DROP ") || (upper.startsWith("ALTER ") && upper.contains(" DROP "))) {
                drops.add(sql);
            } else {
                break; // the creates begin
            }
        }
        Sql.script(t, drops, true);
    }

    /** Creates the subscription (and with it the slot on the source); a slot left by a crashed attempt is dropped first. */
    private static Subscription subscribe(Connection s, Connection t, PgEndpoint source, PgEndpoint target, Names names)
            throws SQLException {
        if (Replication.slotExists(s, names.slot())) {
            LOG.infof("Dropping the slot %s an earlier attempt left on %s", names.slot(), source.describe());
            Replication.dropSlot(s, names.slot());
        }
        String sql = "create subscription " + names.subscription() + " connection "
                + Replication.literal(Replication.conninfo(source)) + " publication " + names.publication()
                + " with (copy_data = true, create_slot = true, enabled = true, slot_name = "
                + Replication.literal(names.slot()) + ")";
        try (Statement st = t.createStatement()) {
            keepOutOfServerLogs(st);
            st.execute(sql);
        } catch (SQLException e) {
            // the statement holds the source's password: report the server's message only, scrubbed
            String message = String.valueOf(e.getMessage());
            if (source.password() != null && !source.password().isEmpty()) {
                message = message.replace(source.password(), "***");
            }
            throw new DataCopyException(
                    "Creating the subscription " + names.subscription() + " on " + target.describe() + " failed: "
                            + message,
                    Failures.connectionLost(e) || message.contains("could not connect"));
        }
        return Replication.subscription(t, names.subscription())
                .orElseThrow(() -> new DataCopyException("The subscription vanished right after it was created", true));
    }

    /**
     * CREATE SUBSCRIPTION carries the source's password: this session asks the target server not to
     * log the statement (log_statement, the failing statement of an error) nor keep its text in
     * pg_stat_statements. Best effort: these settings need a superuser, which subscribing needs too
     * before PostgreSQL 16.
     */
    private static void keepOutOfServerLogs(Statement st) {
        for (String set : List.of(
                "set log_statement = 'none'",
                "set log_min_error_statement = 'panic'",
                "set log_min_duration_statement = -1",
                "set pg_stat_statements.track_utility = off")) {
            try {
                st.execute(set);
            } catch (SQLException e) {
                LOG.debugf("Could not %s on the target: %s", set, e.getMessage());
            }
        }
    }

    private static void waitUntilReady(
            Connection s,
            Connection t,
            Names names,
            Subscription sub,
            List<Table> tables,
            CopyOptions options,
            Duration maxWait,
            CopyProgress.Listener listener)
            throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        long bytesTotal = tables.stream().mapToLong(Table::totalBytes).sum();
        long begin = System.nanoTime();
        long deadline = begin + maxWait.toNanos();
        long every = Math.max(options.progressEvery().toNanos(), 1);
        long lastReport = begin - every;
        while (true) {
            TableStates states = Replication.states(t, sub.oid());
            if (states.allReady()) {
                return;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new DataCopyException(
                        "The initial sync into " + names.subscription() + " did not finish within "
                                + maxWait.toSeconds()
                                + " s (" + states.ready() + " of " + states.total() + " tables ready, states "
                                + states.counts() + "); the subscription keeps running, and running the step again"
                                + " keeps waiting. The target's server log says why a table does not progress",
                        true);
            }
            if (now - lastReport >= every) {
                lastReport = now;
                long[] done = targetSize(t);
                Long lag = Replication.lag(s, names.slot(), null);
                Long eta = null;
                if (done[0] > 0 && bytesTotal > 0) {
                    double fraction = Math.min(0.99, (double) done[0] / bytesTotal);
                    eta = Math.round((now - begin) / 1e9 * (1 - fraction) / fraction);
                }
                listener.progress(new CopyProgress(
                        "sync",
                        done[0],
                        bytesTotal,
                        done[1],
                        states.ready(),
                        states.total(),
                        eta,
                        String.format(
                                Locale.ROOT,
                                "Synced %d of %d tables (%d MB), replication lag %s",
                                states.ready(),
                                states.total(),
                                done[0] >> 20,
                                lag == null ? "unknown" : (lag >> 10) + " kB")));
            }
            Replication.sleep(Math.min(1000, Math.max(100, every / 1_000_000)));
        }
    }

    /** The target's table data so far: bytes and live rows. */
    private static long[] targetSize(Connection t) throws SQLException {
        try (Statement st = t.createStatement();
                ResultSet rs = st.executeQuery("select coalesce(sum(pg_table_size(relid)), 0)::bigint,"
                        + " coalesce(sum(n_live_tup), 0)::bigint from pg_stat_user_tables")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /**
     * Undoes a sync's replication (the target keeps its tables and rows): drops the subscription on
     * the target, then the publication and the slots on the source. Fails (retryable) when the source
     * cannot be reached, since a forgotten slot makes the source keep its WAL forever.
     */
    public String remove(String sourceUrl, String targetUrl, String handle) {
        PgEndpoint source = PgEndpoint.parse(sourceUrl);
        PgEndpoint target = PgEndpoint.parse(targetUrl);
        Names names = Names.of(handle);
        List<String> done = new ArrayList<>();
        Long oid = null;
        try (Connection t = Sql.open(target, "target")) {
            Optional<Subscription> sub = Replication.subscription(t, names.subscription());
            if (sub.isPresent()) {
                oid = sub.get().oid();
                boolean viaSource = Replication.dropSubscription(t, sub.get(), names.subscription());
                done.add("dropped the subscription " + names.subscription()
                        + (viaSource ? "" : " (detached from its slot: the source did not answer)"));
            }
        } catch (SQLException e) {
            throw Failures.classify(
                    e, "dropping the subscription " + names.subscription() + " on " + target.describe());
        }
        try (Connection s = Sql.open(source, "source")) {
            boolean publication = Replication.publicationExists(s, names.publication());
            Set<String> before = new HashSet<>(Catalog.names(s, "select slot_name from pg_replication_slots"));
            Replication.dropSourceSide(s, names, oid);
            before.removeAll(Catalog.names(s, "select slot_name from pg_replication_slots"));
            if (publication) {
                done.add("dropped the publication " + names.publication());
            }
            if (!before.isEmpty()) {
                done.add("dropped the slots " + new TreeSet<>(before));
            }
        } catch (SQLException e) {
            throw new DataCopyException(
                    "Could not reach the source " + source.describe() + " to drop the publication "
                            + names.publication()
                            + " and the slot " + names.slot() + " (" + e.getMessage()
                            + "); run the compensation again, or drop them there by hand: a forgotten slot keeps WAL",
                    true,
                    e);
        }
        return done.isEmpty() ? "No replication objects left for " + handle : String.join("; ", done);
    }
}

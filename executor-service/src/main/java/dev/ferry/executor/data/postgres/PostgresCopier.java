package dev.ferry.executor.data.postgres;

import dev.ferry.executor.data.postgres.Catalog.Sequence;
import dev.ferry.executor.data.postgres.Catalog.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Copies one PostgreSQL database into another, fast and consistently: the schema (pg_dump pre-data)
 * first, then every table streamed source COPY TO → target COPY FROM over JDBC on several
 * connections at once (large tables split into ctid ranges), all reading one exported snapshot,
 * then indexes, constraints and foreign keys in parallel, then sequences. No temporary files.
 *
 * <p>Re-running is safe: the target is marked as this migration step's copy (its database comment,
 * see {@link CopyMark}) before anything is written. A target holding tables is copied over, after the
 * source's objects are dropped there, only when that mark names the same migration step; any other
 * non-empty target (no mark, another migration's mark, tables the source lacks) is refused and left
 * as it was.
 */
public final class PostgresCopier {
    private static final Logger LOG = Logger.getLogger(PostgresCopier.class);
    static final String APPLICATION = "ferry-copy";

    private final PgTools tools;

    public PostgresCopier(PgTools tools) {
        this.tools = tools;
    }

    public CopyReport copy(
            String sourceUrl, String targetUrl, CopyOwner owner, CopyOptions options, CopyProgress.Listener listener) {
        PgEndpoint source = PgEndpoint.parse(sourceUrl);
        PgEndpoint target = PgEndpoint.parse(targetUrl);
        long start = System.nanoTime();
        Map<String, Duration> phases = new LinkedHashMap<>();
        try (Connection coordinator = Sql.open(source, "source");
                Connection admin = Sql.open(target, "target")) {
            CopyMark.lock(admin, target);
            int sourceVersion = Catalog.serverVersion(coordinator);
            tools.requireDumpCanRead(sourceVersion);
            requireExtensions(coordinator, admin, target);
            Sql.exec(coordinator, "set statement_timeout = 0");
            Sql.exec(coordinator, "begin isolation level repeatable read read only");
            String snapshot = Sql.one(coordinator, "select pg_export_snapshot()");
            List<Table> tables = Catalog.tables(coordinator);
            Set<String> partitioned = Catalog.partitionedTables(coordinator);
            List<Sequence> sequences = Catalog.sequences(coordinator);
            phases.put("prepare", since(start));
            long t = System.nanoTime();
            // post-data is dumped while the data moves; both dumps read the exported snapshot
            CompletableFuture<String> postDump = CompletableFuture.supplyAsync(
                    () -> tools.dumpSection(source, "post-data", snapshot), PostgresCopier::daemon);
            String preData = tools.dumpSection(source, "pre-data", snapshot);
            phases.put("dump schema", since(t));

            Progress progress = new Progress(tables, options.progressEvery(), listener);
            progress.phase("schema", "Creating the schema on " + target.describe());
            t = System.nanoTime();
            boolean recreated = prepareTarget(source, admin, target, owner, tables, partitioned);
            Sql.script(admin, SqlScript.statements(preData), true);
            phases.put("schema", since(t));

            t = System.nanoTime();
            progress.phase("data", "Copying " + tables.size() + " tables");
            List<Chunk> chunks = chunks(tables, options, sourceVersion, Sql.blockSize(coordinator));
            TableStream stream = new TableStream(progress);
            Workers.run(
                    options.jobs(),
                    () -> Sql.pair(source, target, snapshot),
                    chunks.stream()
                            .map(c -> (Workers.Work<Sql.Pair>) pair -> stream.copy(pair, c))
                            .toList());
            phases.put("data", since(t));

            t = System.nanoTime();
            progress.phase("sequences", "Setting " + sequences.size() + " sequences");
            setSequences(coordinator, admin, sequences);
            String postData = join(postDump);
            Sql.exec(coordinator, "commit");
            phases.put("sequences", since(t));

            t = System.nanoTime();
            PostDataPlan post = PostDataPlan.of(SqlScript.statements(postData), partitioned);
            progress.phase("indexes", "Building " + post.indexes().size() + " indexes");
            new PostDataRunner(target, options).run(post, progress);
            CopyMark.complete(admin, target, owner);
            phases.put("post-data", since(t));

            Duration elapsed = since(start);
            progress.phase("done", "Copied " + tables.size() + " tables in " + elapsed.toSeconds() + " s");
            CopyReport report = new CopyReport(
                    tables.size(),
                    progress.rows(),
                    progress.bytes(),
                    chunks.size(),
                    post.size(),
                    sequences.size(),
                    recreated,
                    phases,
                    elapsed);
            LOG.infof(
                    "Copied %s to %s: %d tables, %d rows, %d MB in %.1f s (%s)",
                    source.describe(),
                    target.describe(),
                    report.tables(),
                    report.rows(),
                    report.bytes() >> 20,
                    elapsed.toMillis() / 1000.0,
                    phases);
            return report;
        } catch (DataCopyException e) {
            throw e;
        } catch (Exception e) {
            throw Failures.classify(e, "copying " + source.describe() + " to " + target.describe());
        }
    }

    /**
     * Checks, changing nothing, whether a copy could start: both databases reachable, pg_dump able
     * to read the source, the extensions installable, the target empty or holding only this step's
     * own earlier copy. Returns the problems found.
     */
    public List<String> preflight(String sourceUrl, String targetUrl, CopyOwner owner) {
        List<String> problems = new ArrayList<>();
        PgEndpoint source;
        PgEndpoint target;
        try {
            source = PgEndpoint.parse(sourceUrl);
            target = PgEndpoint.parse(targetUrl);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        try (Connection s = Sql.open(source, "source");
                Connection t = Sql.open(target, "target")) {
            try {
                tools.requireDumpCanRead(Catalog.serverVersion(s));
            } catch (DataCopyException e) {
                problems.add(e.getMessage());
            }
            try {
                requireExtensions(s, t, target);
            } catch (DataCopyException e) {
                problems.add(e.getMessage());
            }
            Set<String> existing = targetTables(t);
            Optional<String> notOurs = CopyMark.problem(t, target, owner, existing);
            Set<String> foreign = foreignTables(existing, Catalog.tables(s), Catalog.partitionedTables(s));
            if (notOurs.isPresent()) {
                problems.add(notOurs.get());
            } else if (!foreign.isEmpty()) {
                problems.add(refusal(target, foreign));
            }
        } catch (SQLException e) {
            problems.add(Failures.classify(e, "checking " + source.describe() + " and " + target.describe())
                    .getMessage());
        }
        return problems;
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "ferry-pg-dump");
        t.setDaemon(true);
        t.start();
    }

    private static String join(CompletableFuture<String> dump) {
        try {
            return dump.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof DataCopyException d ? d : new DataCopyException(e.getMessage(), false, e);
        }
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    /** Every extension the source uses must be installable on the target, checked before anything is written. */
    private static void requireExtensions(Connection source, Connection target, PgEndpoint where) throws SQLException {
        Set<String> missing = new TreeSet<>(Catalog.extensions(source));
        missing.removeAll(Catalog.availableExtensions(target));
        if (!missing.isEmpty()) {
            throw new DataCopyException(
                    "The target " + where.describe() + " cannot install the extensions the source uses: " + missing,
                    false);
        }
    }

    /**
     * Marks the target as this step's copy before anything is written. An empty target is used as it
     * is. A target holding tables is taken for an earlier partial copy only when its mark names this
     * same migration step and it holds no table the source lacks: the source's objects are dropped
     * there (pg_dump --clean) so the copy starts again from scratch. Anything else is someone else's
     * data: refused, not retryable, and left untouched.
     */
    private boolean prepareTarget(
            PgEndpoint source,
            Connection admin,
            PgEndpoint target,
            CopyOwner owner,
            List<Table> tables,
            Set<String> partitioned)
            throws SQLException {
        Set<String> existing = targetTables(admin);
        if (!existing.isEmpty()) {
            Optional<String> notOurs = CopyMark.problem(admin, target, owner, existing);
            if (notOurs.isPresent()) {
                throw new DataCopyException(notOurs.get(), false);
            }
            Set<String> foreign = foreignTables(existing, tables, partitioned);
            if (!foreign.isEmpty()) {
                throw new DataCopyException(refusal(target, foreign), false);
            }
        }
        CopyMark.claim(admin, target, owner, existing);
        if (existing.isEmpty()) {
            return false;
        }
        LOG.infof(
                "The target %s holds %d of the source's tables from an earlier attempt of %s/%s; dropping them and"
                        + " copying again",
                target.describe(), existing.size(), owner.migrationId(), owner.stepId());
        return dropPartialCopy(source, admin);
    }

    private static String refusal(PgEndpoint target, Set<String> foreign) {
        return "The target " + target.describe() + " is not empty: it holds tables the source does not have " + foreign
                + "; Ferry copies only into a new database or over its own partial copy";
    }

    private static Set<String> foreignTables(Set<String> existing, List<Table> tables, Set<String> partitioned) {
        Set<String> known = new HashSet<>(partitioned);
        tables.forEach(table -> known.add(table.name()));
        Set<String> foreign = new TreeSet<>(existing);
        foreign.removeAll(known);
        return foreign;
    }

    private static Set<String> targetTables(Connection admin) throws SQLException {
        return Catalog.names(
                admin,
                "select quote_ident(n.nspname) || '.' || quote_ident(c.relname) from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p')"
                        + " and n.nspname not in ('pg_catalog', 'information_schema')"
                        + " and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'"
                        + " and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass"
                        + " and d.objid = c.oid and d.deptype = 'e')");
    }

    /** Drops, in dependency order, every object the source's schema defines (pg_dump --clean --if-exists). */
    private boolean dropPartialCopy(PgEndpoint source, Connection admin) throws SQLException {
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
        Sql.script(admin, drops, true);
        return true;
    }

    /** One stream: a whole table, or one ctid range of a large table. */
    record Chunk(Table table, int index, int of, long fromBlock, long toBlock, AtomicInteger remaining) {
        boolean whole() {
            return of == 1;
        }

        String describe() {
            return whole() ? table.name() : table.name() + " part " + (index + 1) + "/" + of;
        }
    }

    static List<Chunk> chunks(List<Table> tables, CopyOptions options, int sourceVersion, int blockSize) {
        List<Chunk> out = new ArrayList<>();
        for (Table table : tables) {
            long blocks = table.heapBytes() / blockSize;
            // TID range scans (PostgreSQL 14+) make a ctid range read only its blocks
            if (options.jobs() > 1 && sourceVersion >= 140000 && table.heapBytes() > options.splitTableBytes()) {
                long parts = (table.heapBytes() + options.splitTableBytes() - 1) / options.splitTableBytes();
                int of = (int) Math.min(((parts + options.jobs() - 1) / options.jobs()) * options.jobs(), 64);
                AtomicInteger remaining = new AtomicInteger(of);
                for (int i = 0; i < of; i++) {
                    out.add(new Chunk(
                            table, i, of, blocks * i / of, i == of - 1 ? -1 : blocks * (i + 1) / of, remaining));
                }
            } else {
                out.add(new Chunk(table, 0, 1, 0, -1, new AtomicInteger(1)));
            }
        }
        // largest first, so the long streams start early and the small tables fill the gaps
        out.sort(
                (a, b) -> Long.compare(b.table().heapBytes() / b.of(), a.table().heapBytes() / a.of()));
        return out;
    }

    /** Sequences are read at the end of the data phase, so their values are at least those the copied rows used. */
    private static void setSequences(Connection source, Connection target, List<Sequence> sequences)
            throws SQLException {
        try (PreparedStatement set = target.prepareStatement("select pg_catalog.setval(?::regclass, ?, ?)")) {
            for (Sequence seq : sequences) {
                try (Statement s = source.createStatement();
                        ResultSet rs = s.executeQuery("select last_value, is_called from " + seq.name())) {
                    rs.next();
                    set.setString(1, seq.name());
                    set.setLong(2, rs.getLong(1));
                    set.setBoolean(3, rs.getBoolean(2));
                    set.execute();
                }
            }
        }
    }
}

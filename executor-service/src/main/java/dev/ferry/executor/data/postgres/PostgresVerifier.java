package dev.ferry.executor.data.postgres;

import dev.ferry.executor.data.postgres.VerifyReport.TableCheck;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Checks a copy: the schemas (relations, columns, indexes, constraints, triggers, extensions) and,
 * per table, the row count and an order-independent checksum (the sum of a 64-bit hash of every
 * row's text), computed server-side on both databases at once, large tables in ctid ranges. It
 * reports differences and leaves the decision to the caller. Meant for a source nobody writes to.
 */
public final class PostgresVerifier {
    private static final Logger LOG = Logger.getLogger(PostgresVerifier.class);
    /** Session settings that make a row's text the same on both servers. */
    private static final List<String> STABLE_TEXT = List.of(
            "set datestyle = 'ISO, MDY'",
            "set intervalstyle = 'postgres'",
            "set timezone = 'UTC'",
            "set extra_float_digits = 3",
            "set bytea_output = 'hex'",
            "set search_path = ''");

    public VerifyReport verify(String sourceUrl, String targetUrl, CopyOptions options) {
        PgEndpoint source = PgEndpoint.parse(sourceUrl);
        PgEndpoint target = PgEndpoint.parse(targetUrl);
        long start = System.nanoTime();
        try {
            List<Catalog.Table> tables;
            SchemaSnapshot sourceSchema;
            SchemaSnapshot targetSchema;
            int blockSize;
            List<String> differences = new ArrayList<>();
            try (Connection s = open(source, "source");
                    Connection t = open(target, "target")) {
                tables = Catalog.tables(s);
                blockSize = Sql.blockSize(s);
                sourceSchema = SchemaSnapshot.read(s);
                targetSchema = SchemaSnapshot.read(t);
                differences.addAll(sourceSchema.differences(targetSchema));
                differences.addAll(sequences(s, t));
            }
            List<String> targetTables = targetSchema.kinds().get("relation").stream()
                    .filter(r -> r.startsWith("r "))
                    .map(r -> r.substring(2))
                    .toList();
            List<Catalog.Table> common = tables.stream()
                    .filter(table -> targetTables.contains(table.name()))
                    .toList();
            Map<String, long[]> counts = new ConcurrentHashMap<>();
            Map<String, BigDecimal> sums = new ConcurrentHashMap<>();
            CompletableFuture<Void> sourceSide = CompletableFuture.runAsync(
                    () -> checksums(source, "source", common, options, blockSize, counts, sums));
            checksums(target, "target", common, options, blockSize, counts, sums);
            try {
                sourceSide.join();
            } catch (CompletionException e) {
                throw e.getCause();
            }
            List<TableCheck> checks = new ArrayList<>();
            for (Catalog.Table table : common) {
                TableCheck check = new TableCheck(
                        table.name(),
                        counts.get("source " + table.name())[0],
                        counts.get("target " + table.name())[0],
                        sums.get("source " + table.name()),
                        sums.get("target " + table.name()));
                checks.add(check);
                if (check.sourceRows() != check.targetRows()) {
                    differences.add("table " + table.name() + ": " + check.sourceRows() + " rows on the source, "
                            + check.targetRows() + " on the target");
                } else if (!check.matches()) {
                    differences.add("table " + table.name() + ": same row count (" + check.sourceRows()
                            + ") but different contents (checksums differ)");
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            VerifyReport report = new VerifyReport(checks, differences, sourceSchema.notes(targetSchema), elapsed);
            LOG.infof(
                    "Verified %s against %s: %d tables, %d rows, %d differences in %.1f s",
                    target.describe(),
                    source.describe(),
                    checks.size(),
                    report.rows(),
                    differences.size(),
                    elapsed.toMillis() / 1000.0);
            return report;
        } catch (Throwable e) {
            throw Failures.classify(e, "verifying " + target.describe() + " against " + source.describe());
        }
    }

    private static Connection open(PgEndpoint endpoint, String side) throws SQLException {
        Connection c = Sql.open(endpoint, side);
        for (String sql : STABLE_TEXT) {
            Sql.exec(c, sql);
        }
        return c;
    }

    /** A target sequence behind the source would hand out ids the copied rows already use. */
    private static List<String> sequences(Connection source, Connection target) throws SQLException {
        List<String> out = new ArrayList<>();
        List<Catalog.Sequence> targetSequences = Catalog.sequences(target);
        for (Catalog.Sequence seq : Catalog.sequences(source)) {
            if (!targetSequences.contains(seq)) {
                continue; // reported with the relations
            }
            long s = sequenceValue(source, seq);
            long t = sequenceValue(target, seq);
            if (t < s) {
                out.add("sequence " + seq.name() + ": at " + t + " on the target, behind the source's " + s);
            }
        }
        return out;
    }

    private static long sequenceValue(Connection c, Catalog.Sequence seq) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select case when is_called then last_value else last_value - 1 end" + " from " + seq.name())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void checksums(
            PgEndpoint endpoint,
            String side,
            List<Catalog.Table> tables,
            CopyOptions options,
            int blockSize,
            Map<String, long[]> counts,
            Map<String, BigDecimal> sums) {
        Map<String, Long> heapBytes = new java.util.HashMap<>();
        try (Connection c = open(endpoint, side)) {
            Catalog.tables(c).forEach(t -> heapBytes.put(t.name(), t.heapBytes()));
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
        List<Workers.Work<Connection>> work = new ArrayList<>();
        for (Catalog.Table table : tables) {
            long blocks = heapBytes.getOrDefault(table.name(), 0L) / blockSize;
            counts.put(side + " " + table.name(), new long[1]);
            sums.put(side + " " + table.name(), BigDecimal.ZERO);
            int parts = options.jobs() > 1 && blocks * blockSize > options.splitTableBytes()
                    ? (int) Math.min(options.jobs() * 2L, 64)
                    : 1;
            for (int i = 0; i < parts; i++) {
                String where =
                        parts == 1 ? "" : ctidRange(blocks * i / parts, i == parts - 1 ? -1 : blocks * (i + 1) / parts);
                work.add(c -> {
                    try (Statement s = c.createStatement();
                            ResultSet rs =
                                    s.executeQuery("select count(*), coalesce(sum(hashtextextended(t::text, 0)), 0)"
                                            + " from only " + table.name() + " t" + where)) {
                        rs.next();
                        String key = side + " " + table.name();
                        long n = rs.getLong(1);
                        BigDecimal sum = rs.getBigDecimal(2);
                        synchronized (counts) {
                            counts.get(key)[0] += n;
                            sums.merge(key, sum, BigDecimal::add);
                        }
                    }
                });
            }
        }
        try {
            Workers.run(options.jobs(), () -> open(endpoint, side), work);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** Blocks [from, to) of the table as this side laid them out; an open end (-1) misses no row. */
    private static String ctidRange(long from, long to) {
        return " where ctid >= '(" + from + ",0)'::tid" + (to < 0 ? "" : " and ctid < '(" + to + ",0)'::tid");
    }
}

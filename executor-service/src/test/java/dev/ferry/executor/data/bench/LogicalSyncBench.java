package dev.ferry.executor.data.bench;

import dev.ferry.executor.data.postgres.CopyOptions;
import dev.ferry.executor.data.postgres.CopyOwner;
import dev.ferry.executor.data.postgres.LogicalCatchUp;
import dev.ferry.executor.data.postgres.LogicalSync;
import dev.ferry.executor.data.postgres.PgEndpoint;
import dev.ferry.executor.data.postgres.PgTools;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One logical-sync cut-over for bench/logical-sync-cutover.sh: a writer inserts and updates at a
 * steady rate on the source; the sync starts under that load and catches up; then the writer stops
 * (T0, as maintenance mode stops the app), the catch-up runs, and the writer resumes on the target
 * (T1, its first acknowledged write there). Prints writes-unavailable = T1 - T0, the initial sync's
 * MB/s, and rows and updates written against those found on the target. Not a test.
 *
 * <p>Usage: {@code LogicalSyncBench <sourceUrl> <targetUrl> <run> [opsPerSecond] [loadSeconds]}; the
 * source holds pgbench tables ({@code pgbench -i}, pgbench_history with a primary key).
 */
public final class LogicalSyncBench {
    private LogicalSyncBench() {}

    /** Inserts one bench_writes row and adds 1 to one account's balance per operation, at a fixed rate. */
    private static final class Writer extends Thread {
        private final int run;
        private final long periodNanos;
        private final long accounts;
        final AtomicLong inserts = new AtomicLong();
        final AtomicLong updates = new AtomicLong();
        private volatile String url;
        private volatile boolean paused;
        private volatile boolean stopped;
        private volatile boolean idle;
        private volatile long firstWriteAfterResume;
        private volatile Throwable failure;

        Writer(String url, int run, int opsPerSecond, long accounts) {
            super("bench-writer");
            this.url = url;
            this.run = run;
            this.periodNanos = 1_000_000_000L / opsPerSecond;
            this.accounts = accounts;
        }

        @Override
        public void run() {
            long seq = 0;
            long next = System.nanoTime();
            String connectedTo = null;
            Connection c = null;
            try {
                while (!stopped) {
                    if (paused) {
                        idle = true;
                        Thread.sleep(1);
                        next = System.nanoTime();
                        continue;
                    }
                    idle = false;
                    if (!url.equals(connectedTo)) {
                        if (c != null) {
                            c.close();
                        }
                        c = PgEndpoint.parse(url).connect("bench-writer");
                        connectedTo = url;
                    }
                    seq++;
                    try (PreparedStatement insert =
                                    c.prepareStatement("insert into bench_writes (run, seq, note) values (?, ?, ?)");
                            PreparedStatement update = c.prepareStatement(
                                    "update pgbench_accounts set abalance = abalance + 1 where aid = ?")) {
                        insert.setInt(1, run);
                        insert.setLong(2, seq);
                        insert.setString(3, "write " + seq);
                        insert.executeUpdate();
                        inserts.incrementAndGet();
                        update.setLong(1, 1 + ThreadLocalRandom.current().nextLong(accounts));
                        update.executeUpdate();
                        updates.incrementAndGet();
                    }
                    if (firstWriteAfterResume == 0 && !url.equals(sourceUrl)) {
                        firstWriteAfterResume = System.nanoTime();
                    }
                    next += periodNanos;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    }
                }
            } catch (Throwable e) {
                failure = e;
            } finally {
                if (c != null) {
                    try {
                        c.close();
                    } catch (SQLException ignored) {
                        // done
                    }
                }
            }
        }

        private String sourceUrl;

        /** Stops writing after the operation in flight; returns once the writer is idle. */
        void pause() throws InterruptedException {
            paused = true;
            while (!idle && failure == null) {
                Thread.sleep(0, 100_000);
            }
        }

        void resumeOn(String target) {
            url = target;
            paused = false;
        }

        long awaitFirstWrite() throws InterruptedException {
            while (firstWriteAfterResume == 0 && failure == null) {
                Thread.sleep(0, 100_000);
            }
            return firstWriteAfterResume;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LogicalSyncBench <sourceUrl> <targetUrl> <run> [opsPerSecond] [loadSeconds]");
            System.exit(2);
        }
        String source = args[0];
        String target = args[1];
        int run = Integer.parseInt(args[2]);
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int loadSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        String handle = "bench-target";
        long accounts;
        long baseBalance;
        try (Connection s = PgEndpoint.parse(source).connect("bench");
                Statement st = s.createStatement()) {
            st.execute("create table if not exists bench_writes (id bigserial primary key, run int not null,"
                    + " seq bigint not null, at timestamptz not null default now(), note text, unique (run, seq))");
            accounts = one(st, "select count(*) from pgbench_accounts");
            baseBalance = one(st, "select coalesce(sum(abalance), 0) from pgbench_accounts");
        }
        Writer writer = new Writer(source, run, rate, accounts);
        writer.sourceUrl = source;
        writer.setDaemon(true);
        writer.start();

        long t = System.nanoTime();
        LogicalSync.SyncReport sync = new LogicalSync(new PgTools(Optional.empty()))
                .sync(
                        source,
                        target,
                        handle,
                        new CopyOwner("logical-sync-bench", "sync"),
                        CopyOptions.defaults(2),
                        Duration.ofHours(1),
                        p -> {});
        double syncSeconds = (System.nanoTime() - t) / 1e9;
        // the app keeps writing while the subscription streams; sample the lag under load
        long maxLag = 0;
        long lastLag = 0;
        long end = System.nanoTime() + Duration.ofSeconds(loadSeconds).toNanos();
        try (Connection s = PgEndpoint.parse(source).connect("bench");
                PreparedStatement lag = s.prepareStatement("select pg_wal_lsn_diff(pg_current_wal_lsn(),"
                        + " confirmed_flush_lsn)::bigint from pg_replication_slots where slot_name = ?")) {
            lag.setString(1, sync.names().slot());
            while (System.nanoTime() < end) {
                try (ResultSet rs = lag.executeQuery()) {
                    rs.next();
                    lastLag = rs.getLong(1);
                    maxLag = Math.max(maxLag, lastLag);
                }
                Thread.sleep(250);
            }
        }
        long writesBefore = writer.inserts.get();

        long t0 = System.nanoTime(); // maintenance on: the app stops writing
        writer.pause();
        LogicalCatchUp.CatchUpReport catchUp =
                new LogicalCatchUp().catchUp(source, target, handle, Duration.ofMinutes(5), p -> {});
        writer.resumeOn(target); // the app restarts on the target
        long t1 = writer.awaitFirstWrite();
        Thread.sleep(3000);
        writer.stopped = true;
        writer.join();
        if (writer.failure != null) {
            throw new IllegalStateException("the writer failed", writer.failure);
        }

        long rowsFound;
        long updatesFound;
        try (Connection c = PgEndpoint.parse(target).connect("bench");
                Statement st = c.createStatement()) {
            rowsFound = one(st, "select count(*) from bench_writes where run = " + run);
            updatesFound = one(st, "select coalesce(sum(abalance), 0) from pgbench_accounts") - baseBalance;
        }
        long rowsWritten = writer.inserts.get();
        long updatesWritten = writer.updates.get();
        double unavailableMs = (t1 - t0) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "run %d: initial sync %d tables, %.0f MB in %.1f s (%.1f MB/s; step %.1f s); under load %d ops/s:"
                        + " lag max %d, last %d bytes; catch-up lag %d bytes waited %d ms, %d sequences;"
                        + " writes unavailable %.0f ms; rows written %d (source %d, target %d), found %d;"
                        + " updates written %d, found %d%n",
                run,
                sync.tables(),
                sync.bytes() / 1e6,
                sync.initialSync().toMillis() / 1000.0,
                sync.megabytesPerSecond(),
                syncSeconds,
                rate,
                maxLag,
                lastLag,
                catchUp.lagBytes(),
                catchUp.waited().toMillis(),
                catchUp.sequences(),
                unavailableMs,
                rowsWritten,
                writesBefore,
                rowsWritten - writesBefore,
                rowsFound,
                updatesWritten,
                updatesFound);
        System.out.printf(
                Locale.ROOT,
                "RESULT run=%d unavailable_ms=%.0f sync_mbps=%.1f sync_s=%.1f catchup_wait_ms=%d rows_written=%d"
                        + " rows_found=%d updates_written=%d updates_found=%d%n",
                run,
                unavailableMs,
                sync.megabytesPerSecond(),
                sync.initialSync().toMillis() / 1000.0,
                catchUp.waited().toMillis(),
                rowsWritten,
                rowsFound,
                updatesWritten,
                updatesFound);
        if (rowsFound != rowsWritten || updatesFound != updatesWritten) {
            System.exit(1);
        }
    }

    private static long one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

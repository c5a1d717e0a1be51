package dev.ferry.executor.data.bench;

import dev.ferry.executor.data.postgres.CopyOptions;
import dev.ferry.executor.data.postgres.CopyOwner;
import dev.ferry.executor.data.postgres.CopyReport;
import dev.ferry.executor.data.postgres.PgTools;
import dev.ferry.executor.data.postgres.PostgresCopier;
import dev.ferry.executor.data.postgres.PostgresVerifier;
import dev.ferry.executor.data.postgres.VerifyReport;
import java.util.Optional;

/**
 * One Ferry copy or verification for bench/pg-copy.sh, which times the whole process from the
 * shell like the pg_dump methods; this prints the engine's own phase times. Not a test.
 *
 * <p>Usage: {@code PgCopyBench copy|verify <sourceUrl> <targetUrl> [jobs] [splitTableMB]}
 */
public final class PgCopyBench {
    private PgCopyBench() {}

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: PgCopyBench copy|verify <sourceUrl> <targetUrl> [jobs] [splitTableMB]");
            System.exit(2);
        }
        int jobs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        CopyOptions options = CopyOptions.defaults(jobs);
        if (args.length > 4) {
            options = options.withSplitTableBytes(Long.parseLong(args[4]) << 20);
        }
        // a running executor has logging and the JDBC driver loaded already; the clock starts after that
        org.jboss.logging.Logger.getLogger(PgCopyBench.class).debug("bench starting");
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        long start = System.nanoTime();
        if (args[0].equals("copy")) {
            CopyReport r = new PostgresCopier(new PgTools(Optional.empty()))
                    .copy(args[1], args[2], new CopyOwner("pg-copy-bench", "copy"), options, p -> {});
            System.out.printf(
                    "ferry copy: %d tables, %d streams, %d rows, %.0f MB streamed in %.2f s (%.1f MB/s of COPY data); phases %s%n",
                    r.tables(),
                    r.ranges(),
                    r.rows(),
                    r.bytes() / 1e6,
                    r.elapsed().toMillis() / 1000.0,
                    r.megabytesPerSecond(),
                    r.phases());
        } else {
            VerifyReport r = new PostgresVerifier().verify(args[1], args[2], options);
            System.out.printf(
                    "ferry verify: %d tables, %d rows, %d differences %s in %.2f s%n",
                    r.tables().size(),
                    r.rows(),
                    r.differences().size(),
                    r.differences(),
                    r.elapsed().toMillis() / 1000.0);
            if (!r.ok()) {
                System.exit(1);
            }
        }
        System.out.printf("wall in JVM: %.2f s%n", (System.nanoTime() - start) / 1e9);
    }
}

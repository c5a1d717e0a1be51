package dev.ferry.executor.data.postgres;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The machine's PostgreSQL client tools (pg_dump): where they are, which major version they are,
 * and running them against an endpoint with credentials passed only through the environment.
 */
public final class PgTools {
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?");

    private final Path binDir;

    /** @param binDir a directory holding pg_dump; empty to use the newest /usr/lib/postgresql/N/bin, else PATH */
    public PgTools(Optional<Path> binDir) {
        this.binDir = binDir.orElseGet(PgTools::newestDebianBin);
    }

    private static Path newestDebianBin() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d+"))
                    .filter(d -> Files.isExecutable(d.resolve("bin/pg_dump")))
                    .max(Comparator.comparingInt(
                            d -> Integer.parseInt(d.getFileName().toString())))
                    .map(d -> d.resolve("bin"))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    public String pgDump() {
        return binDir == null ? "pg_dump" : binDir.resolve("pg_dump").toString();
    }

    /** pg_dump's major version, e.g. 15. */
    public int pgDumpMajor() {
        String out =
                run(List.of(pgDump(), "--version"), null, "pg_dump --version").trim();
        Matcher m = VERSION.matcher(out);
        if (!m.find()) {
            throw new DataCopyException("Cannot read the pg_dump version from '" + out + "'", false);
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * Fails (not retryable) when pg_dump is older than the source server: an older pg_dump cannot
     * dump a newer server.
     */
    public void requireDumpCanRead(int serverVersionNum) {
        int dumpMajor = pgDumpMajor();
        int serverMajor = serverVersionNum / 10000;
        if (dumpMajor < serverMajor) {
            throw new DataCopyException(
                    "pg_dump " + dumpMajor + " (" + pgDump() + ") cannot dump a PostgreSQL " + serverMajor
                            + " server; install PostgreSQL " + serverMajor + " client tools or newer",
                    false);
        }
    }

    /** Schema-only dump of one section ({@code pre-data} or {@code post-data}), at a snapshot if given. */
    public String dumpSection(PgEndpoint source, String section, String snapshot) {
        List<String> cmd = new ArrayList<>(List.of(
                pgDump(),
                "--section=" + section,
                "--no-owner",
                "--no-acl",
                "--no-publications",
                "--no-subscriptions",
                "--no-security-labels",
                "--no-tablespaces"));
        if (snapshot != null) {
            cmd.add("--snapshot=" + snapshot);
        }
        return run(cmd, source, "pg_dump --section=" + section + " of " + source.describe());
    }

    /** The DROP statements pg_dump would emit to clean the source's schema objects out of a database. */
    public String cleanScript(PgEndpoint source) {
        return run(
                List.of(
                        pgDump(),
                        "--schema-only",
                        "--clean",
                        "--if-exists",
                        "--no-owner",
                        "--no-acl",
                        "--no-publications",
                        "--no-subscriptions",
                        "--no-security-labels",
                        "--no-tablespaces"),
                source,
                "pg_dump --clean of " + source.describe());
    }

    private static String run(List<String> command, PgEndpoint endpoint, String what) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (endpoint != null) {
            pb.environment().putAll(endpoint.libpqEnvironment());
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new DataCopyException(
                    "Cannot start " + command.get(0) + ": " + e.getMessage()
                            + " (set data-copy.postgres-bin to a PostgreSQL client bin directory)",
                    false,
                    e);
        }
        closeQuietly(process);
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String stdout = read(process.getInputStream());
        try {
            int rc = process.waitFor();
            if (rc != 0) {
                String err = stderr.join().trim();
                boolean connection = err.contains("connection")
                        || err.contains("could not connect")
                        || err.contains("terminat")
                        || err.contains("server closed");
                throw new DataCopyException(what + " failed (exit " + rc + "): " + err, connection);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DataCopyException(what + " was interrupted", true, e);
        }
        return stdout;
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // pg_dump reads nothing from stdin
        }
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

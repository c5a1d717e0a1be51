package dev.ferry.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway {@code redis-server} on a free port of 127.0.0.1, without persistence: Debian's
 * binary (or {@code FERRY_REDIS_SERVER}) run as a child process of the test JVM.
 */
public final class LocalRedis implements AutoCloseable {
    private final Process process;
    private final int port;

    private LocalRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a server whose log goes under {@code workDir} and waits until it answers PING. */
    public static LocalRedis start(Path workDir) {
        return start(workDir, List.of());
    }

    /**
     * Starts a server with extra command-line settings, e.g. {@code --rename-command CONFIG ""} to
     * behave like a managed Redis that disables CONFIG.
     */
    public static LocalRedis start(Path workDir, List<String> extraArgs) {
        String binary = binary();
        int port = freePort();
        try {
            Files.createDirectories(workDir);
            List<String> command = new ArrayList<>(List.of(
                    binary,
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    workDir.toAbsolutePath().toString()));
            command.addAll(extraArgs);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("redis-" + port + ".log").toFile())
                    .start();
            LocalRedis redis = new LocalRedis(process, port);
            redis.awaitPing(Duration.ofSeconds(20));
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + binary, e);
        }
    }

    /**
     * The server binary: {@code FERRY_REDIS_SERVER}, {@code /usr/bin/redis-server}, on the PATH, or
     * installed by the project's {@code bin/redis.sh install} (Debian's package, as root), so the
     * README's test command needs no manual step on a fresh machine.
     */
    static synchronized String binary() {
        String configured = System.getenv("FERRY_REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return installed().orElseGet(() -> {
            install();
            return installed()
                    .orElseThrow(() -> new IllegalStateException("No redis-server found: install Debian's"
                            + " redis-server package (apt-get install redis-server) or set FERRY_REDIS_SERVER"
                            + " to the binary"));
        });
    }

    private static Optional<String> installed() {
        if (new File("/usr/bin/redis-server").canExecute()) {
            return Optional.of("/usr/bin/redis-server");
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "redis-server");
            if (candidate.canExecute()) {
                return Optional.of(candidate.getPath());
            }
        }
        return Optional.empty();
    }

    /** Runs {@code bin/redis.sh install} of the checkout the tests run in, when there is one. */
    private static void install() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isExecutable(dir.resolve("bin/redis.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return;
        }
        try {
            Process process = new ProcessBuilder(dir.resolve("bin/redis.sh").toString(), "install")
                    .inheritIO()
                    .start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run bin/redis.sh install", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>/<db>}. */
    public String url(int db) {
        return "redis://127.0.0.1:" + port + "/" + db;
    }

    private void awaitPing(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                socket.setSoTimeout(1000);
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] buf = new byte[16];
                int n = in.read(buf);
                if (n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within " + timeout);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

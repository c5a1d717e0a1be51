package dev.ferry.executor.data.redis;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import redis.clients.jedis.Jedis;

/**
 * A throwaway redis-server (the machine's /usr/bin/redis-server) on a free port, without
 * persistence; usable directly or as a Quarkus test resource exposing {@code redis.url}.
 */
public final class LocalRedis implements AutoCloseable {
    private final Process process;
    private final int port;

    private LocalRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static LocalRedis start() {
        String binary = Files.isExecutable(Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server" : "redis-server";
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            try {
                Process p = new ProcessBuilder(
                                binary,
                                "--port",
                                Integer.toString(port),
                                "--bind",
                                "127.0.0.1",
                                "--save",
                                "",
                                "--appendonly",
                                "no",
                                "--databases",
                                "16")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                LocalRedis redis = new LocalRedis(p, port);
                if (redis.awaitReady(Duration.ofSeconds(10))) {
                    return redis;
                }
                redis.close();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start " + binary, e);
            }
        }
        throw new IllegalStateException("redis-server did not start");
    }

    private boolean awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Jedis j = new Jedis("127.0.0.1", port)) {
                if ("PONG".equals(j.ping())) {
                    return true;
                }
            } catch (RuntimeException e) {
                sleep();
            }
        }
        return false;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public String url(int database) {
        return "redis://127.0.0.1:" + port + "/" + database;
    }

    public Jedis client(int database) {
        Jedis j = new Jedis("127.0.0.1", port);
        j.select(database);
        return j;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The same server as a {@code @QuarkusTest} resource. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {
        private LocalRedis redis;

        @Override
        public Map<String, String> start() {
            redis = LocalRedis.start();
            return Map.of("redis.url", redis.url(0));
        }

        @Override
        public void stop() {
            if (redis != null) {
                redis.close();
            }
        }
    }
}

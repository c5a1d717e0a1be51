package dev.ferry.simulator.heroku.service;

import dev.ferry.testkit.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A real PostgreSQL (embedded) and a real redis-server on free ports, handed to the simulator as backing. */
public class BackingResource implements QuarkusTestResourceLifecycleManager {

    private LocalPostgres postgres;
    private Process redis;

    @Override
    public Map<String, String> start() {
        postgres = LocalPostgres.start(Path.of("target", "backing-pg"));
        int port = freePort();
        try {
            Path dir = Files.createDirectories(Path.of("target", "backing-redis"));
            redis = new ProcessBuilder(
                            "redis-server",
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            dir.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
            waitForPort(port);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start redis-server: " + e.getMessage(), e);
        }
        return Map.of(
                "heroku-sim.backing.postgres-admin-url",
                postgres.jdbcUrl("postgres") + "?user=" + LocalPostgres.USER + "&password=" + LocalPostgres.PASSWORD,
                "heroku-sim.backing.redis-url",
                "redis://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        if (redis != null) {
            redis.destroy();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitForPort(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port);
    }
}

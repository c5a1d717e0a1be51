package dev.ferry.simulator.aptible;

import dev.ferry.testkit.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL (embedded binaries) and a real Redis ({@code redis-server} on a free port) behind
 * the simulator's databases, for the tests that check bytes really land somewhere. The example seed is
 * loaded too, so that its databases are backed at start-up.
 */
public class BackingServersResource implements QuarkusTestResourceLifecycleManager {
    static LocalPostgres postgres;
    static int redisPort;
    private Process redis;

    @Override
    public Map<String, String> start() {
        postgres = LocalPostgres.start(Path.of("target", "embedded-pg"));
        redisPort = freePort();
        try {
            redis = new ProcessBuilder(
                            "redis-server",
                            "--port",
                            Integer.toString(redisPort),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no")
                    .redirectErrorStream(true)
                    .redirectOutput(
                            Path.of("target", "redis-" + redisPort + ".log").toFile())
                    .start();
            waitForPort(redisPort);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server", e);
        }
        return Map.of(
                "aptible-sim.seed",
                "seeds/acme-staging.json",
                "aptible-sim.backing.postgres-admin-url",
                "postgresql://" + LocalPostgres.USER + ":" + LocalPostgres.PASSWORD + "@127.0.0.1:" + postgres.port()
                        + "/postgres",
                "aptible-sim.backing.redis-url",
                "redis://127.0.0.1:" + redisPort);
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
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitForPort(int port) {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Api.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port);
    }
}

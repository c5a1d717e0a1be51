package dev.ferry.inventory.probe;

import dev.ferry.events.inventory.RedisProbe;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads what a migration needs to know about a Redis: version, memory, key count, eviction policy,
 * and whether its keys look like a job queue. Sends only INFO, DBSIZE, CONFIG GET and SCAN.
 */
public class RedisProber {
    private static final int SCAN_COUNT = 100;

    private final Vertx vertx;

    public RedisProber(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Probes the Redis at {@code url}, looking at up to {@code maxKeys} keys; never throws. */
    public RedisProbe probe(SourceUrl url, Duration timeout, int maxKeys) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Redis client = null;
        RedisConnection connection = null;
        try {
            client = Redis.createClient(vertx, options(url, timeout));
            connection = await(client.connect(), deadline);
            Map<String, String> server = RedisInfo.parse(send(connection, deadline, Command.INFO, "server"));
            Map<String, String> memory = RedisInfo.parse(send(connection, deadline, Command.INFO, "memory"));
            long keys = Long.parseLong(send(connection, deadline, Command.DBSIZE));
            String policy = maxmemoryPolicy(connection, deadline).orElse(memory.get("maxmemory_policy"));
            List<String> queues = QueueKeys.systems(scan(connection, deadline, maxKeys));
            return new RedisProbe(
                    true,
                    null,
                    server.get("redis_version"),
                    memory.containsKey("used_memory") ? Long.parseLong(memory.get("used_memory")) : null,
                    keys,
                    policy,
                    queues,
                    !queues.isEmpty());
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return unreachable(ProbeFailure.describe(cause, url));
        } finally {
            if (connection != null) {
                connection.close();
            }
            if (client != null) {
                client.close();
            }
        }
    }

    /** A probe that could not run, and why. */
    public static RedisProbe unreachable(String error) {
        return new RedisProbe(false, error, null, null, null, null, List.of(), null);
    }

    private static RedisOptions options(SourceUrl url, Duration timeout) {
        if (!url.scheme().equals("redis") && !url.scheme().equals("rediss")) {
            throw new IllegalArgumentException("not a Redis URL (scheme " + url.scheme() + ")");
        }
        // Heroku's older URLs carry the placeholder user "h", which Redis never checked.
        boolean namedUser =
                url.user() != null && !url.user().isEmpty() && !url.user().equals("h");
        String credentials =
                namedUser && url.password() != null ? encode(url.user()) + ":" + encode(url.password()) + "@" : "";
        String db = url.path().matches("\\d+") ? "/" + url.path() : "";
        RedisOptions options = new RedisOptions()
                .setConnectionString(url.scheme() + "://" + credentials + url.host() + ":" + url.port(6379) + db)
                .setPreferredProtocolVersion(ProtocolVersion.RESP2)
                .setMaxPoolSize(1);
        if (!namedUser && url.password() != null && !url.password().isEmpty()) {
            options.setPassword(url.password());
        }
        NetClientOptions net = new NetClientOptions().setConnectTimeout((int) Math.max(1, timeout.toMillis()));
        if (url.scheme().equals("rediss")) {
            // Heroku Redis serves a self-signed certificate and asks clients not to verify it.
            net.setSsl(true).setTrustAll(true).setHostnameVerificationAlgorithm("");
        }
        return options.setNetClientOptions(net);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code CONFIG GET maxmemory-policy}; empty where CONFIG is disabled, as on Heroku. */
    private static Optional<String> maxmemoryPolicy(RedisConnection connection, long deadline)
            throws TimeoutException, InterruptedException {
        try {
            Response r =
                    await(connection.send(Request.cmd(Command.CONFIG).arg("GET").arg("maxmemory-policy")), deadline);
            return r != null && r.size() == 2 ? Optional.of(r.get(1).toString()) : Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /** Key names from SCAN, until the cursor ends or {@code maxKeys} were seen. */
    private static List<String> scan(RedisConnection connection, long deadline, int maxKeys)
            throws TimeoutException, InterruptedException, ExecutionException {
        List<String> keys = new java.util.ArrayList<>();
        String cursor = "0";
        do {
            Response r = await(
                    connection.send(
                            Request.cmd(Command.SCAN).arg(cursor).arg("COUNT").arg(SCAN_COUNT)),
                    deadline);
            cursor = r.get(0).toString();
            for (Response key : r.get(1)) {
                if (keys.size() < maxKeys) {
                    keys.add(key.toString());
                }
            }
        } while (!cursor.equals("0") && keys.size() < maxKeys);
        return keys;
    }

    private static String send(RedisConnection connection, long deadline, Command command, String... args)
            throws TimeoutException, InterruptedException, ExecutionException {
        Request request = Request.cmd(command);
        for (String arg : args) {
            request.arg(arg);
        }
        Response r = await(connection.send(request), deadline);
        return r == null ? "" : r.toString();
    }

    private static <T> T await(Future<T> future, long deadline)
            throws TimeoutException, InterruptedException, ExecutionException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException("probe timed out");
        }
        return future.toCompletionStage().toCompletableFuture().get(left, TimeUnit.NANOSECONDS);
    }
}

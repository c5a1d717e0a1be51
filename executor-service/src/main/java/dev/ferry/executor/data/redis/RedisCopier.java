package dev.ferry.executor.data.redis;

import dev.ferry.executor.data.postgres.DataCopyException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.RestoreParams;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Copies the keys of one Redis database (the index in the URL's path, 0 by default) into another
 * with their remaining TTLs: SCAN, then DUMP and PTTL in pipelined batches, then RESTORE ... REPLACE,
 * so running it again overwrites instead of failing. Meant for job queues whose workers are paused;
 * afterwards the key counts must match and a sample of keys must have the same type on both sides.
 */
public final class RedisCopier {
    private static final Logger LOG = Logger.getLogger(RedisCopier.class);
    private static final int SAMPLE = 200;

    private final int batch;

    public RedisCopier(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be positive");
        }
        this.batch = batch;
    }

    public RedisCopyReport copy(String sourceUrl, String targetUrl) {
        long start = System.nanoTime();
        try (Jedis source = connect(sourceUrl, "source");
                Jedis target = connect(targetUrl, "target")) {
            long copied = 0;
            long expired = 0;
            List<byte[]> sample = new ArrayList<>();
            byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
            ScanParams params = new ScanParams().count(batch);
            do {
                ScanResult<byte[]> page = scan(source, cursor, params);
                cursor = page.getCursorAsBytes();
                List<byte[]> keys = page.getResult();
                if (keys.isEmpty()) {
                    continue;
                }
                Pipeline read = source.pipelined();
                List<Response<byte[]>> dumps = new ArrayList<>(keys.size());
                List<Response<Long>> ttls = new ArrayList<>(keys.size());
                for (byte[] key : keys) {
                    dumps.add(read.dump(key));
                    ttls.add(read.pttl(key));
                }
                sync(read, "source");
                Pipeline write = target.pipelined();
                List<Response<String>> restored = new ArrayList<>(keys.size());
                for (int i = 0; i < keys.size(); i++) {
                    byte[] value = dumps.get(i).get();
                    long ttl = ttls.get(i).get();
                    if (value == null || ttl == -2) {
                        expired++; // gone between SCAN and DUMP
                        continue;
                    }
                    restored.add(write.restore(
                            keys.get(i),
                            ttl < 0 ? 0 : ttl,
                            value,
                            RestoreParams.restoreParams().replace()));
                    if (sample.size() < SAMPLE) {
                        sample.add(keys.get(i));
                    } else if (ThreadLocalRandom.current().nextInt((int) Math.min(copied + 1, Integer.MAX_VALUE))
                            < SAMPLE) {
                        sample.set(ThreadLocalRandom.current().nextInt(SAMPLE), keys.get(i));
                    }
                    copied++;
                }
                sync(write, "target");
                for (Response<String> r : restored) {
                    r.get(); // surfaces a RESTORE error such as an incompatible DUMP version
                }
            } while (!java.util.Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY));

            List<String> differences = new ArrayList<>();
            long sourceKeys = source.dbSize();
            long targetKeys = target.dbSize();
            if (sourceKeys != targetKeys) {
                differences.add(sourceKeys + " keys on the source, " + targetKeys + " on the target");
            }
            Map<String, String> wrongTypes = new TreeMap<>();
            for (byte[] key : sample) {
                String s = source.type(key);
                String t = target.type(key);
                if (!s.equals(t) && !s.equals("none")) {
                    wrongTypes.put(new String(key, java.nio.charset.StandardCharsets.UTF_8), s + " != " + t);
                }
            }
            if (!wrongTypes.isEmpty()) {
                differences.add("keys with another type on the target: " + wrongTypes);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            LOG.infof(
                    "Copied %d Redis keys (%d expired meanwhile) in %.1f s; %d differences",
                    copied, expired, elapsed.toMillis() / 1000.0, differences.size());
            return new RedisCopyReport(copied, expired, sourceKeys, targetKeys, sample.size(), differences, elapsed);
        } catch (DataCopyException e) {
            throw e;
        } catch (JedisConnectionException e) {
            throw new DataCopyException(
                    "Lost the connection to Redis while copying keys: " + e.getMessage()
                            + ". Running the step again restores every key again (RESTORE REPLACE)",
                    true,
                    e);
        } catch (JedisException e) {
            throw new DataCopyException("Redis refused the copy: " + e.getMessage(), false, e);
        }
    }

    private static ScanResult<byte[]> scan(Jedis source, byte[] cursor, ScanParams params) {
        try {
            return source.scan(cursor, params);
        } catch (JedisConnectionException e) {
            throw new DataCopyException("Lost the connection to the source Redis: " + e.getMessage(), true, e);
        }
    }

    private static void sync(Pipeline pipeline, String side) {
        try {
            pipeline.sync();
        } catch (JedisConnectionException e) {
            throw new DataCopyException("Lost the connection to the " + side + " Redis: " + e.getMessage(), true, e);
        }
    }

    /** Opens redis:// or rediss:// URLs with the database index in the path; credentials stay out of messages. */
    static Jedis connect(String url, String side) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new DataCopyException("The " + side + " Redis URL cannot be parsed", false);
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new DataCopyException("The " + side + " URL is not a redis:// or rediss:// URL", false);
        }
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .ssl("rediss".equals(uri.getScheme()))
                .connectionTimeoutMillis(10_000)
                .socketTimeoutMillis(60_000)
                .clientName("ferry-copy");
        String info = uri.getUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            String user = colon < 0 ? null : info.substring(0, colon);
            config.user(user == null || user.isEmpty() ? null : user);
            config.password(colon < 0 ? info : info.substring(colon + 1));
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (!path.isEmpty()) {
            try {
                config.database(Integer.parseInt(path));
            } catch (NumberFormatException e) {
                throw new DataCopyException("The " + side + " Redis URL's path is not a database index", false);
            }
        }
        JedisClientConfig built = config.build();
        try {
            Jedis jedis = new Jedis(new HostAndPort(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), built);
            jedis.ping();
            return jedis;
        } catch (JedisConnectionException e) {
            throw new DataCopyException(
                    "Cannot reach the " + side + " Redis at " + uri.getHost() + ":" + uri.getPort() + ": "
                            + e.getMessage(),
                    true,
                    e);
        } catch (JedisException e) {
            throw new DataCopyException("The " + side + " Redis refused the connection: " + e.getMessage(), false, e);
        }
    }
}

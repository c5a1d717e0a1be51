package dev.ferry.executor.data.redis;

import dev.ferry.executor.data.postgres.CopyOwner;
import dev.ferry.executor.data.postgres.DataCopyException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * with their remaining TTLs: SCAN, then DUMP and PTTL in pipelined batches, then RESTORE ... REPLACE.
 * Meant for job queues whose workers are paused; afterwards the key counts must match and a sample of
 * keys must have the same type on both sides.
 *
 * <p>Only an empty target, or this migration step's own earlier copy, is written to. Before the first
 * RESTORE the copy sets the mark key {@code ferry:copy:<migrationId>} (value {@code ferry-copy
 * <migrationId>/<stepId> in-progress}); a re-run finds it and overwrites its own keys, and a target
 * holding keys without that mark is refused untouched. The mark is kept, as {@code ... completed},
 * once the copy checks out: deleting it would make a re-run after a crash between the copy's end and
 * the step's recorded success refuse its own finished copy. It is one small string key the
 * application never reads, left out of the key counts; delete it after cutover if it is in the way.
 */
public final class RedisCopier {
    private static final Logger LOG = Logger.getLogger(RedisCopier.class);
    private static final int SAMPLE = 200;
    private static final String MARK_PREFIX = "ferry:copy:";
    /** How many of a refused target's keys the refusal names. */
    private static final int NAMED = 5;

    private final int batch;

    public RedisCopier(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be positive");
        }
        this.batch = batch;
    }

    /** The key that marks a target as the copy of a migration (its value names the step and the state). */
    public static String markKey(CopyOwner owner) {
        return MARK_PREFIX + owner.migrationId();
    }

    public RedisCopyReport copy(String sourceUrl, String targetUrl, CopyOwner owner) {
        long start = System.nanoTime();
        String mark = markKey(owner);
        byte[] markBytes = mark.getBytes(StandardCharsets.UTF_8);
        try (Jedis source = connect(sourceUrl, "source");
                Jedis target = connect(targetUrl, "target")) {
            claim(target, describe(targetUrl), owner);
            long copied = 0;
            long expired = 0;
            List<byte[]> sample = new ArrayList<>();
            byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
            ScanParams params = new ScanParams().count(batch);
            do {
                ScanResult<byte[]> page = scan(source, cursor, params);
                cursor = page.getCursorAsBytes();
                // the mark is this copy's own, never the source's
                List<byte[]> keys = page.getResult().stream()
                        .filter(k -> !Arrays.equals(k, markBytes))
                        .toList();
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
            } while (!Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY));

            List<String> differences = new ArrayList<>();
            long sourceKeys = source.dbSize() - (source.exists(mark) ? 1 : 0);
            long targetKeys = target.dbSize() - (target.exists(mark) ? 1 : 0);
            if (sourceKeys != targetKeys) {
                differences.add(sourceKeys + " keys on the source, " + targetKeys + " on the target");
            }
            Map<String, String> wrongTypes = new TreeMap<>();
            for (byte[] key : sample) {
                String s = source.type(key);
                String t = target.type(key);
                if (!s.equals(t) && !s.equals("none")) {
                    wrongTypes.put(new String(key, StandardCharsets.UTF_8), s + " != " + t);
                }
            }
            if (!wrongTypes.isEmpty()) {
                differences.add("keys with another type on the target: " + wrongTypes);
            }
            if (differences.isEmpty()) {
                target.set(mark, owner.completed());
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

    /**
     * Refuses (not retryable) a target holding keys this migration step did not write, and marks any
     * other target as this step's copy in progress before a single key is restored.
     */
    private static void claim(Jedis target, String where, CopyOwner owner) {
        String mark = markKey(owner);
        long keys = target.dbSize();
        String found = target.exists(mark) && "string".equals(target.type(mark)) ? target.get(mark) : null;
        if (keys > 0 && !owner.wrote(found)) {
            List<String> sample =
                    target.scan(ScanParams.SCAN_POINTER_START, new ScanParams().count(20)).getResult().stream()
                            .limit(NAMED)
                            .toList();
            throw new DataCopyException(
                    "The target Redis " + where + " already holds data that this migration did not write (" + keys
                            + " keys such as " + sample + "; "
                            + (found == null ? "no " + mark + " mark" : "marked '" + found + "'")
                            + "); Ferry copies only into an empty database or over its own partial"
                            + " copy. Nothing was changed",
                    false);
        }
        target.set(mark, owner.inProgress());
    }

    /** Host, port and database index of a Redis URL already accepted by {@link #connect}: safe for messages. */
    private static String describe(String url) {
        URI uri = URI.create(url);
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort()) + "/" + (path.isEmpty() ? "0" : path);
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

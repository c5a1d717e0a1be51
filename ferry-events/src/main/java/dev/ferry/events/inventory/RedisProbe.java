package dev.ferry.events.inventory;

import dev.ferry.events.Nullable;
import java.util.List;

/**
 * What a read-only probe of a Redis found.
 *
 * @param queueSystems job-queue systems whose key patterns were seen: sidekiq, resque, rq, celery, bull
 * @param holdsJobQueue whether the data is a job queue (copy it) rather than a cache (start empty)
 */
public record RedisProbe(
        boolean reachable,
        @Nullable String error,
        @Nullable String serverVersion,
        @Nullable Long usedMemoryBytes,
        @Nullable Long keyCount,
        @Nullable String maxmemoryPolicy,
        List<String> queueSystems,
        @Nullable Boolean holdsJobQueue) {}

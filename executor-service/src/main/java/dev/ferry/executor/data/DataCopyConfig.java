package dev.ferry.executor.data;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How executor-service copies databases (its own prefix: the {@code executor} mapping rejects unknown keys). */
@ConfigMapping(prefix = "data-copy")
public interface DataCopyConfig {

    /** A directory holding pg_dump; by default the newest /usr/lib/postgresql/N/bin, else the PATH. */
    Optional<String> postgresBin();

    /** Parallel streams and index builds for {@code parallel-dump-restore} when the step sets no {@code jobs}. */
    @WithDefault("2")
    int jobs();

    /** Tables whose heap is larger are split into ctid ranges copied in parallel. */
    @WithDefault("512")
    long splitTableMb();

    /** The target session's maintenance_work_mem while indexes are built. */
    @WithDefault("512MB")
    String maintenanceWorkMem();

    /** How often a running copy appends progress at most. */
    @WithDefault("5s")
    Duration progressEvery();

    /** Keys per SCAN page and per pipelined DUMP/RESTORE batch for Redis. */
    @WithDefault("500")
    int redisBatch();
}

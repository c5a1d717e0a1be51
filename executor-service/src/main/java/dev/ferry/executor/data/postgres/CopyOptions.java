package dev.ferry.executor.data.postgres;

import java.time.Duration;

/**
 * How a copy runs.
 *
 * @param jobs parallel streams (tables or table ranges) and parallel index builds
 * @param splitTableBytes a table whose heap is larger is split into ctid ranges, one stream each
 * @param maintenanceWorkMem the target session's maintenance_work_mem for index builds, e.g. {@code 512MB}
 * @param progressEvery how often progress is reported at most
 */
public record CopyOptions(int jobs, long splitTableBytes, String maintenanceWorkMem, Duration progressEvery) {
    public CopyOptions {
        if (jobs < 1 || jobs > 64) {
            throw new IllegalArgumentException("jobs must be between 1 and 64, was " + jobs);
        }
        if (!maintenanceWorkMem.matches("\\d+\\s*(kB|MB|GB)")) {
            throw new IllegalArgumentException("maintenanceWorkMem must look like 512MB, was " + maintenanceWorkMem);
        }
    }

    public static CopyOptions defaults(int jobs) {
        return new CopyOptions(jobs, 512L << 20, "512MB", Duration.ofSeconds(2));
    }

    public CopyOptions withSplitTableBytes(long bytes) {
        return new CopyOptions(jobs, bytes, maintenanceWorkMem, progressEvery);
    }

    public CopyOptions withProgressEvery(Duration every) {
        return new CopyOptions(jobs, splitTableBytes, maintenanceWorkMem, every);
    }
}

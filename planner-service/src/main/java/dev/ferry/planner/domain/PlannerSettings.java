package dev.ferry.planner.domain;

import java.util.List;

/**
 * The planner's tunable numbers, as plain values so rules stay pure; the service fills them from
 * configuration ({@code planner.*}), tests use {@link #defaults()}.
 *
 * @param dumpRestoreLimitBytes databases below this size are dumped and restored in one stream
 * @param copyBytesPerSecond measured copy throughput used to predict maintenance windows
 * @param copySafetyFactor multiplies the predicted copy time (networks are slower than one host)
 * @param windowOverheadSeconds fixed minutes of a window: backup, checks, DNS switch
 * @param parallelJobs {@code --jobs} for a parallel dump and restore
 * @param postgresVersions PostgreSQL major versions Aptible offers, ascending
 * @param redisVersions Redis versions Aptible offers, ascending
 * @param imageRegistry where the team pushes images for Direct Docker Image Deploy
 * @param stackPerSpace one Dedicated Stack per Private Space instead of one per region
 * @param dnsTtlWaitSeconds how long to wait after lowering DNS TTLs (at least 24 h)
 * @param monitorSeconds how long to watch after the DNS switch before decommissioning is offered
 * @param measuredSafetyFactor multiplies a copy time predicted from a measured copy (smaller: the
 *     measurement already saw the real network and data)
 * @param minMeasuredBytes measured copies smaller than this are too short to tell a throughput
 * @param regulatedAll every app holds regulated data (PHI), in a Shield space or not
 * @param regulatedApps Heroku apps that hold regulated data (PHI), in a Shield space or not
 */
public record PlannerSettings(
        long dumpRestoreLimitBytes,
        long copyBytesPerSecond,
        double copySafetyFactor,
        long windowOverheadSeconds,
        int parallelJobs,
        List<Integer> postgresVersions,
        List<String> redisVersions,
        String imageRegistry,
        boolean stackPerSpace,
        long dnsTtlWaitSeconds,
        long monitorSeconds,
        double measuredSafetyFactor,
        long minMeasuredBytes,
        boolean regulatedAll,
        List<String> regulatedApps) {

    /** 10 GB, per the guide. */
    public static final long TEN_GB = 10_000_000_000L;

    /**
     * About 90 MB/s: pg_dump piped into pg_restore copied 1,575,845,223 bytes in a median 17.4 s on a
     * 2-core host (pgbench scale 100), see docs/benchmarks.md.
     */
    public static final long ANCHOR_BYTES_PER_SECOND = 90_000_000L;

    /** 50 MB: below it a copy takes about a second, too short to measure a throughput. */
    public static final long MIN_MEASURED_BYTES = 50_000_000L;

    public PlannerSettings {
        regulatedApps = regulatedApps == null ? List.of() : List.copyOf(regulatedApps);
    }

    public static PlannerSettings defaults() {
        return new PlannerSettings(
                TEN_GB,
                ANCHOR_BYTES_PER_SECOND,
                3.0,
                1800,
                2,
                List.of(12, 13, 14, 15, 16),
                List.of("6.2", "7.0"),
                "registry.example.com/ferry",
                false,
                86_400,
                3_600,
                1.5,
                MIN_MEASURED_BYTES,
                false,
                List.of());
    }

    /** These settings with other regulated-data markers (tests and per-estate overrides). */
    public PlannerSettings withRegulated(boolean all, List<String> apps) {
        return new PlannerSettings(
                dumpRestoreLimitBytes,
                copyBytesPerSecond,
                copySafetyFactor,
                windowOverheadSeconds,
                parallelJobs,
                postgresVersions,
                redisVersions,
                imageRegistry,
                stackPerSpace,
                dnsTtlWaitSeconds,
                monitorSeconds,
                measuredSafetyFactor,
                minMeasuredBytes,
                all,
                apps);
    }
}

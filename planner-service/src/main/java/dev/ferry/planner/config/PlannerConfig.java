package dev.ferry.planner.config;

import dev.ferry.planner.domain.PlannerSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The planner's settings ({@code planner.*}); defaults follow the guide and the measured copy
 * throughput in docs/benchmarks.md.
 */
@ConfigMapping(prefix = "planner")
public interface PlannerConfig {

    Copy copy();

    Regulated regulated();

    /** PostgreSQL major versions Aptible offers. */
    @WithDefault("12,13,14,15,16")
    List<Integer> postgresVersions();

    /** Redis versions Aptible offers. */
    @WithDefault("6.2,7.0")
    List<String> redisVersions();

    /** Where teams push images for Direct Docker Image Deploy. */
    @WithDefault("registry.example.com/ferry")
    String imageRegistry();

    /** One Dedicated Stack per Private Space instead of one per region. */
    @WithDefault("false")
    boolean stackPerSpace();

    /** How long to wait after lowering DNS TTLs (the guide: at least 24 hours). */
    @WithDefault("86400")
    long dnsTtlWaitSeconds();

    /** How long to monitor after the switch before decommissioning may be approved. */
    @WithDefault("3600")
    long monitorSeconds();

    /**
     * How long an approval or rejection waits for the projection to say whether it stood (the first
     * decision on the log wins); past it the answer reports the decision as appended.
     */
    @WithDefault("PT3S")
    Duration decisionSettleTimeout();

    /** How databases are copied and how long the maintenance window is predicted to be. */
    interface Copy {
        /** Below this size a single dump and restore (the guide: 10 GB). */
        @WithDefault("10000000000")
        long dumpRestoreLimitBytes();

        /** Measured copy throughput; 90 MB/s from the pg-copy anchor run (docs/benchmarks.md). */
        @WithDefault("90000000")
        long bytesPerSecond();

        /** Multiplies the predicted copy time: networks and real data are slower than the anchor. */
        @WithDefault("3.0")
        double safetyFactor();

        /** Fixed part of a maintenance window: backup, checks, DNS switch. */
        @WithDefault("1800")
        long windowOverheadSeconds();

        /** Jobs of a parallel dump and restore. */
        @WithDefault("2")
        int parallelJobs();

        /**
         * Multiplies a copy time predicted from a measured copy: smaller than {@link #safetyFactor()},
         * since the measurement already saw the real network and data.
         */
        @WithDefault("1.5")
        double measuredSafetyFactor();

        /** Measured copies below this size (50 MB) finish too fast to tell a throughput, so they are ignored. */
        @WithDefault("50000000")
        long minMeasuredBytes();
    }

    /** Apps that hold regulated data (PHI) outside Shield spaces too: they need a Dedicated Stack and a BAA. */
    interface Regulated {
        /** Every app of every estate holds regulated data. */
        @WithDefault("false")
        boolean all();

        /** Heroku app names that hold regulated data. */
        Optional<List<String>> apps();
    }

    default PlannerSettings settings() {
        return new PlannerSettings(
                copy().dumpRestoreLimitBytes(),
                copy().bytesPerSecond(),
                copy().safetyFactor(),
                copy().windowOverheadSeconds(),
                copy().parallelJobs(),
                List.copyOf(postgresVersions()),
                List.copyOf(redisVersions()),
                imageRegistry(),
                stackPerSpace(),
                dnsTtlWaitSeconds(),
                monitorSeconds(),
                copy().measuredSafetyFactor(),
                copy().minMeasuredBytes(),
                regulated().all(),
                regulated().apps().map(List::copyOf).orElse(List.of()));
    }
}

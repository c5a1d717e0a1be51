package dev.ferry.inventory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the read-only data probes and of the scheduled drift re-scan. */
@ConfigMapping(prefix = "ferry.inventory")
public interface FerryInventoryConfig {

    Probes probes();

    Drift drift();

    Discovery discovery();

    /** Read-only probes of Heroku Postgres and Heroku Redis add-ons whose URL is reachable. */
    interface Probes {
        /** Whether a discovery probes the databases it found before it appends its snapshot. */
        @WithDefault("true")
        boolean enabled();

        /** Longest time one probe may take, connecting included. */
        @WithDefault("PT10S")
        Duration timeout();

        /** Add-ons probed at the same time. */
        @WithDefault("4")
        int parallelism();

        /** Most Redis keys a probe looks at (SCAN) to recognise job queues. */
        @WithDefault("1000")
        int redisScanMaxKeys();
    }

    /** The scheduled re-scan that detects drift. */
    interface Drift {
        /** Time between two re-scans, e.g. {@code 6h} or {@code PT30M}; {@code off} disables them. */
        @WithDefault("6h")
        String interval();
    }

    /** How a discovery outlives the instance that runs it. */
    interface Discovery {
        /**
         * How often an instance looks for running discoveries nobody renews, e.g. {@code 30s}; {@code
         * off} disables resuming.
         */
        @WithDefault("30s")
        String resumeEvery();

        /** How long a running discovery's lease lasts unrenewed; its runner renews it every third of that. */
        @WithDefault("PT60S")
        Duration leaseTerm();

        /** How often an interrupted discovery is restarted before it is recorded as failed. */
        @WithDefault("3")
        int maxResumes();
    }
}

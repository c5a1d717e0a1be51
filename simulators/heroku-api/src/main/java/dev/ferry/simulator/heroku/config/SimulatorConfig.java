package dev.ferry.simulator.heroku.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Typed view of the {@code heroku-sim.*} settings so no class reads raw config keys. */
@ConfigMapping(prefix = "heroku-sim")
public interface SimulatorConfig {

    /** Classpath resource used when no estate file is configured. */
    String DEFAULT_ESTATE_RESOURCE = "estates/demo-estate.json";

    /** Path of the estate JSON file; the bundled demo estate is used when empty. */
    Optional<String> estate();

    /**
     * Apps to generate and add to the loaded estate, owned by its first account, each with a
     * formation, config vars and a Postgres add-on; deterministic, for benchmarks. 0 adds none.
     */
    @WithDefault("0")
    int generatedApps();

    /** How long a PG Backups capture runs before it reads as succeeded. */
    @WithDefault("PT2S")
    java.time.Duration backupDuration();

    /** Real local databases behind add-ons marked {@code backed}; unset means none. */
    Backing backing();

    /** Where backed add-ons live. */
    interface Backing {
        /**
         * JDBC URL of a PostgreSQL superuser connection, e.g. {@code
         * jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=postgres}; each backed
         * Postgres add-on gets its own database and role there.
         */
        Optional<String> postgresAdminUrl();

        /** {@code redis://host:port} of a Redis; each backed Redis add-on gets its own DB index (1, 2, ...). */
        Optional<String> redisUrl();
    }

    /** Settings of the per-account request token bucket. */
    RateLimit rateLimit();

    /** Token bucket settings, mirroring Heroku's documented 4500 tokens refilled at 75/min. */
    interface RateLimit {

        /** Most tokens one account can hold. */
        @WithDefault("4500")
        int capacity();

        /** Tokens added to each bucket per minute, continuously; 0 disables refill. */
        @WithDefault("75")
        double refillPerMinute();
    }
}

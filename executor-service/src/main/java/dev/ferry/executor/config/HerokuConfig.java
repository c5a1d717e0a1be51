package dev.ferry.executor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How the executor reaches the Heroku source: Platform API, Data API, token, and patience. */
@ConfigMapping(prefix = "ferry.executor.heroku")
public interface HerokuConfig {

    /** Platform API root. */
    @WithDefault("https://api.heroku.com")
    String url();

    /** Data API root (backups); the Platform API root when absent, as in the simulator. */
    Optional<String> dataUrl();

    /** API token; a step's sealed {@code herokuToken} secret takes precedence. Never logged. */
    Optional<String> token();

    /** First pause between two polls of a backup transfer; it grows by half up to {@link #maxPollInterval}. */
    @WithDefault("500ms")
    Duration pollInterval();

    @WithDefault("5s")
    Duration maxPollInterval();

    /** How long a backup capture may take before the step gives up (a retry polls it again). */
    @WithDefault("30m")
    Duration backupTimeout();

    /** How often a GET or PATCH is retried after a 5xx, 429 or timeout. */
    @WithDefault("4")
    int retries();

    @WithDefault("200ms")
    Duration retryBackoff();
}

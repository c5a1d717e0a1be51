package dev.ferry.executor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How executor-service reaches Aptible and how patiently it runs steps. */
@ConfigMapping(prefix = "executor")
public interface ExecutorConfig {

    Aptible aptible();

    Steps steps();

    Resume resume();

    /** When running migrations that went quiet are resumed. */
    interface Resume {
        /** How often running migrations are looked at. */
        @WithDefault("10s")
        String every();

        /** How long a running migration must have been quiet before it is resumed. */
        @WithDefault("20s")
        Duration quietFor();
    }

    /** Credentials for the Aptible API; never logged. */
    interface Aptible {
        String username();

        String password();

        /** How often an operation is polled. */
        @WithDefault("250ms")
        Duration pollInterval();

        /** How long an operation may take before the step fails. */
        @WithDefault("10m")
        Duration operationTimeout();

        /** The longest pause between two polls; pauses grow by half from the poll interval up to this. */
        @WithDefault("5s")
        Duration maxPollInterval();

        /** How often a GET, PUT or DELETE is retried after a 5xx, 429 or timeout. */
        @WithDefault("4")
        int retries();

        /** First pause before such a retry; it doubles, with jitter. */
        @WithDefault("200ms")
        Duration retryBackoff();

        /** Lifetime asked for each token; it is renewed a minute before it ends. */
        @WithDefault("1h")
        Duration tokenLifetime();
    }

    /** Retry policy for steps. */
    interface Steps {
        @WithDefault("3")
        int maxAttempts();

        /** First backoff; it doubles per attempt, with jitter. */
        @WithDefault("500ms")
        Duration backoff();
    }
}

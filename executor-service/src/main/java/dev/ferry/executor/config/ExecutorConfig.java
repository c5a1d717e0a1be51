package dev.ferry.executor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How executor-service reaches Aptible and how patiently and how widely it runs steps. */
@ConfigMapping(prefix = "executor")
public interface ExecutorConfig {

    Aptible aptible();

    Steps steps();

    Resume resume();

    Dns dns();

    Evidence evidence();

    /** How evidence packs are signed. */
    interface Evidence {
        /**
         * The Ed25519 private key that signs evidence packs, as {@code openssl genpkey -algorithm
         * ed25519} writes it (PEM, or its base64 body); unset: packs carry only their digest.
         */
        java.util.Optional<String> signingKey();
    }

    /** How {@code verify-dns} resolves names. */
    interface Dns {
        /**
         * Names answered before the system resolver, like {@code /etc/hosts}: a host name, or {@code *.suffix}
         * for every name under it, to an address. Empty in production; sandboxes map the demo's domains and the
         * simulator's endpoint names here.
         */
        java.util.Map<String, String> hosts();
    }

    /**
     * Multiplies every timed wait ({@code waitSeconds}); 1 in production, small in tests and demos so a
     * day-long DNS wait takes seconds.
     */
    @WithDefault("1.0")
    double timeScale();

    /** How often active migrations are looked at, and when a running step nobody reports on is taken over. */
    interface Resume {
        /** How often active migrations are looked at (due retries, ended waits, quiet steps). */
        @WithDefault("10s")
        String every();

        /** How long a migration must have been quiet before a step the log shows running is run again. */
        @WithDefault("20s")
        Duration quietFor();

        /**
         * How often a running attempt appends a heartbeat so a new owner of its migration waits for it;
         * a quarter of {@link #quietFor()} when not set, and it must stay well below it.
         */
        Optional<Duration> heartbeatEvery();
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

    /** Default policies for steps whose plan step does not set its own. */
    interface Steps {
        /** Attempts per step, the first included. */
        @WithDefault("3")
        int maxAttempts();

        /** First backoff; it doubles per attempt up to {@link #maxBackoff}, with full jitter. */
        @WithDefault("500ms")
        Duration backoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** How long one attempt may take when the plan step has no {@code timeoutSeconds}. */
        @WithDefault("30m")
        Duration timeout();

        /** How many steps of one migration run at once. */
        @WithDefault("4")
        int parallelism();
    }
}

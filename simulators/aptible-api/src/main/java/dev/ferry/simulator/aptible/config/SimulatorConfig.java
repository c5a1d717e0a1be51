package dev.ferry.simulator.aptible.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Settings of the Aptible simulator, read from the {@code aptible-sim.*} keys. */
@ConfigMapping(prefix = "aptible-sim")
public interface SimulatorConfig {

    /** Users that may obtain tokens with the password grant. */
    List<User> users();

    /** Organization id given to environments created without one. */
    @WithDefault("f6a3c1d2-7b4e-4f1a-9c3d-2e5b8a7f0c11")
    String organizationId();

    Tokens tokens();

    Operations operations();

    Faults faults();

    Paging paging();

    Backing backing();

    /**
     * Seed of pre-existing state (stacks, environments, apps, databases, endpoints, log drains): a file path
     * or a classpath resource ({@code seeds/acme-staging.json}, optionally prefixed {@code classpath:}).
     * Unset: the simulator starts empty.
     */
    Optional<String> seed();

    /**
     * Real local servers behind provisioned databases. Unset: connection URLs point at hosts that do not
     * resolve, as a stand-in.
     */
    interface Backing {
        /** {@code postgresql://user:password@host:port/db} of a role that may create databases and roles. */
        Optional<String> postgresAdminUrl();

        /** {@code redis://[:password@]host:port}; each Redis database gets its own DB index. */
        Optional<String> redisUrl();

        /** How many DB indexes the Redis server has (its {@code databases} setting). */
        @WithDefault("16")
        int redisDatabases();

        /**
         * The first DB index handed out, so a Redis server shared with another simulator (the demo's Heroku
         * simulator uses the low indexes) is never flushed under it.
         */
        @WithDefault("1")
        int redisFirstIndex();

        /** Host put into connection URLs when no backing server is configured. */
        @WithDefault("aptible.invalid")
        String unreachableDomain();
    }

    /** One login of the simulated Auth API. */
    interface User {
        String username();

        String password();

        /** Name shown as {@code user_name} on operations; defaults to the e-mail's local part. */
        Optional<String> name();
    }

    /** Token lifetimes. */
    interface Tokens {
        /** Lifetime when the request has no {@code expires_in}: one week, the CLI's default. */
        @WithDefault("604800")
        long defaultLifetimeSeconds();

        @WithDefault("manage")
        String defaultScope();
    }

    /** How long operations stay in each state. */
    interface Operations {
        @WithDefault("100")
        long queuedMs();

        @WithDefault("300")
        long runningMs();
    }

    /** Failure injection switched on at start-up. */
    interface Faults {
        /** Operation types that end {@code failed} instead of {@code succeeded}. */
        Optional<Set<String>> failOperationTypes();

        /** Status used for injected server errors. */
        @WithDefault("503")
        int serverErrorStatus();
    }

    /** Collection paging. */
    interface Paging {
        @WithDefault("40")
        int defaultPerPage();

        @WithDefault("5000")
        int maxPerPage();
    }
}

package dev.ferry.inventory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How inventory-service reaches Heroku. */
@ConfigMapping(prefix = "inventory")
public interface InventoryConfig {

    Heroku heroku();

    /** The Heroku Platform API and the token that reads the estate. */
    interface Heroku {
        /** API token with read-protected access; never logged. */
        String token();

        /** Page size asked of list endpoints (Heroku allows up to 1000). */
        @WithDefault("1000")
        int pageSize();

        /** Apps read at the same time during a discovery (each app's reads run together). */
        @WithDefault("4")
        int parallelism();

        /** GET answers whose {@code ETag} and body are kept for conditional re-reads. */
        @WithDefault("10000")
        int etagCacheSize();

        RateLimit rateLimit();

        Retry retry();
    }

    /** The account's request token bucket as Heroku runs it, and how much of it to leave alone. */
    interface RateLimit {
        /** Most tokens the account holds (Heroku: 4500). */
        @WithDefault("4500")
        int capacity();

        /** Tokens Heroku adds per minute (Heroku: 75). */
        @WithDefault("75")
        double refillPerMinute();

        /** Tokens never spent, left for other clients of the account. */
        @WithDefault("20")
        int reserve();

        /** 429 answers one request may get, each followed by a back-off, before it fails. */
        @WithDefault("8")
        int maxRetries();
    }

    /** Retries of 5xx answers and timeouts. */
    interface Retry {
        /** Attempts per request, the first one included. */
        @WithDefault("4")
        int maxAttempts();

        /** Back-off before the first retry; doubled for each further one, with jitter. */
        @WithDefault("PT0.2S")
        Duration initialBackoff();

        /** Longest back-off between two attempts. */
        @WithDefault("PT10S")
        Duration maxBackoff();
    }
}

package dev.ferry.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where notifier-service posts, what it links to, and how hard it tries before giving up. */
@ConfigMapping(prefix = "notifier")
public interface NotifierConfig {

    Slack slack();

    Links links();

    Delivery delivery();

    /** The Slack incoming webhook and the channel it posts into. */
    interface Slack {
        /** The incoming-webhook URL; it is a secret: never logged, never put in an event. */
        String webhookUrl();

        /** The channel the webhook posts into, as people name it; events carry this, not the URL. */
        @WithDefault("#ferry-migrations")
        String channel();

        @WithDefault("PT5S")
        Duration connectTimeout();

        @WithDefault("PT10S")
        Duration readTimeout();
    }

    /** Base URLs of the services whose API resources a message links to. */
    interface Links {
        @WithDefault("http://127.0.0.1:8083")
        String executorUrl();

        @WithDefault("http://127.0.0.1:8082")
        String plannerUrl();
    }

    /** Retries of one message: exponential backoff, or Slack's Retry-After on a 429. */
    interface Delivery {
        /** Attempts in all, the first included. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the second attempt; doubled before each further one. */
        @WithDefault("PT0.5S")
        Duration initialBackoff();

        /** No wait is longer than this, even when Slack's Retry-After asks for more. */
        @WithDefault("PT60S")
        Duration maxBackoff();

        /** Events older than this when consumed are not announced (e.g. a new deployment reading history). */
        @WithDefault("P1D")
        Duration maxEventAge();
    }
}

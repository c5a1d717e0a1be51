package dev.ferry.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where notifier-service posts, what it links to, who may act from Slack, and how hard it tries. */
@ConfigMapping(prefix = "notifier")
public interface NotifierConfig {

    Slack slack();

    Links links();

    Delivery delivery();

    Interactions interactions();

    /** Slack: the default subscription's incoming webhook, the Web API, the app's signing secret, known users. */
    interface Slack {
        /**
         * The default subscription's incoming-webhook URL; a secret: never logged, never put in an
         * event. Without it there is no default subscription.
         */
        Optional<String> webhookUrl();

        /** The channel the default webhook posts into, as people name it; events carry this, not the URL. */
        @WithDefault("#ferry-migrations")
        String channel();

        /** The kinds the default subscription sends; absent means the default set. */
        Optional<List<String>> eventKinds();

        /** Base of Slack's Web API, {@code https://slack.com/api}; the receiver simulator in tests. */
        @WithDefault("https://slack.com/api")
        String apiUrl();

        /** The Slack app's signing secret that interactivity requests are verified with; a secret. */
        Optional<String> signingSecret();

        /** Slack users allowed to act from Slack, by Slack user id; more can be added over REST. */
        Map<String, User> users();

        @WithDefault("PT5S")
        Duration connectTimeout();

        @WithDefault("PT10S")
        Duration readTimeout();
    }

    /** A Slack user as Ferry knows them. */
    interface User {
        /** The Ferry identity commands are appended in the name of, e.g. an email. */
        String identity();

        /** {@code approver} (plans, gates, retries) or {@code operator} (gates, retries). */
        List<String> roles();
    }

    /** Base URLs of the services whose API resources a message links to. */
    interface Links {
        @WithDefault("http://127.0.0.1:8083")
        String executorUrl();

        @WithDefault("http://127.0.0.1:8082")
        String plannerUrl();
    }

    /** Retries of one message, and the pace of each channel. */
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

        /** The least time between two posts to one channel (Slack allows about one a second); zero turns pacing off. */
        @WithDefault("PT1S")
        Duration perChannelInterval();
    }

    /** Slack's interactivity requests (buttons). */
    interface Interactions {
        /** Requests whose timestamp is further than this from now are refused (Slack says five minutes). */
        @WithDefault("PT5M")
        Duration maxAge();
    }
}

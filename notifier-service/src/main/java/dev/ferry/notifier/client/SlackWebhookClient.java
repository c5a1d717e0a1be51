package dev.ferry.notifier.client;

import dev.ferry.notifier.config.NotifierConfig;
import dev.ferry.notifier.domain.SlackMessage;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * Posts one message to the configured incoming webhook. The webhook URL is a secret: it stays in
 * here, and every error this class describes has it scrubbed out. Built at start, so a malformed
 * URL stops the service before any event is claimed.
 */
@Startup
@ApplicationScoped
public class SlackWebhookClient {
    private static final int MAX_ERROR = 500;

    private final SlackWebhookApi api;
    private final WebhookUrl webhook;

    public SlackWebhookClient(NotifierConfig config) {
        this.webhook = WebhookUrl.of(config.slack().webhookUrl());
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(webhook.uri())
                .connectTimeout(config.slack().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.slack().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(SlackWebhookApi.class);
    }

    /** Completes when Slack accepted the message; fails with {@link SlackException} on a refusal. */
    public Uni<Void> post(SlackMessage message) {
        return api.post(message).replaceWithVoid();
    }

    /** One line about a failed post that is safe to log and to put in an event. */
    public String describe(Throwable failure) {
        if (failure instanceof SlackException slack) {
            return cut(webhook.scrub(slack.getMessage()));
        }
        Throwable cause = failure;
        while (cause.getMessage() == null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return cut("Slack could not be reached: " + webhook.scrub(text));
    }

    private static String cut(String text) {
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}

package dev.ferry.notifier.service;

import dev.ferry.notifier.client.SlackException;
import dev.ferry.notifier.client.SlackWebhookClient;
import dev.ferry.notifier.config.NotifierConfig;
import dev.ferry.notifier.domain.DeliveryOutcome;
import dev.ferry.notifier.domain.SlackMessage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Posts a message with retries, so a rate limit or a blip of Slack does not lose it; reports the
 * outcome instead of failing.
 */
@ApplicationScoped
public class SlackSender {
    private static final Logger LOG = Logger.getLogger(SlackSender.class);

    private final SlackWebhookClient client;
    private final Backoff backoff;
    private final int maxAttempts;

    public SlackSender(SlackWebhookClient client, NotifierConfig config) {
        this.client = client;
        this.backoff = new Backoff(
                config.delivery().initialBackoff(), config.delivery().maxBackoff());
        this.maxAttempts = Math.max(1, config.delivery().maxAttempts());
    }

    /** Posts until Slack accepts, refuses for good, or the attempts run out. */
    public Uni<DeliveryOutcome> send(String deliveryId, SlackMessage message) {
        return attempt(deliveryId, message, 1);
    }

    private Uni<DeliveryOutcome> attempt(String deliveryId, SlackMessage message, int attempt) {
        return client.post(message)
                .map(ok -> DeliveryOutcome.delivered(attempt))
                .onFailure()
                .recoverWithUni(failure -> {
                    String error = client.describe(failure);
                    SlackException refusal = failure instanceof SlackException s ? s : null;
                    if ((refusal != null && !refusal.retryable()) || attempt >= maxAttempts) {
                        return Uni.createFrom().item(DeliveryOutcome.failed(attempt, error));
                    }
                    Duration wait = backoff.after(attempt, refusal == null ? null : refusal.retryAfter());
                    LOG.infof(
                            "Delivery %s attempt %d of %d failed (%s); retrying in %d ms",
                            deliveryId, attempt, maxAttempts, error, wait.toMillis());
                    return Uni.createFrom()
                            .voidItem()
                            .onItem()
                            .delayIt()
                            .by(wait)
                            .flatMap(v -> attempt(deliveryId, message, attempt + 1));
                });
    }
}

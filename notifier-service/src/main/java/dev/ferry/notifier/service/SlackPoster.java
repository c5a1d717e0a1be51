package dev.ferry.notifier.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.notifier.client.SlackException;
import dev.ferry.notifier.client.SlackTransport;
import dev.ferry.notifier.client.WebhookUrl;
import dev.ferry.notifier.config.NotifierConfig;
import dev.ferry.notifier.domain.Delivery;
import dev.ferry.notifier.domain.DeliveryOutcome;
import dev.ferry.notifier.domain.Subscription;
import dev.ferry.notifier.repository.ThreadLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Posts one claimed message to its subscription, with retries: backoff on failures, Slack's
 * Retry-After on a 429 (which also holds the whole channel). Bot targets thread a migration's
 * messages under its first one; incoming webhooks cannot thread, so each message stands alone.
 */
@ApplicationScoped
public class SlackPoster {
    private static final Logger LOG = Logger.getLogger(SlackPoster.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR = 500;
    /** Kinds that also show in the channel when posted in a thread: the end, and what needs a person. */
    private static final Set<String> BROADCAST = Set.of(
            "migration-completed",
            "migration-failed",
            "migration-cancelled",
            "migration-rolled-back",
            "gate-opened",
            "step-failed");

    private final SlackTransport transport;
    private final ThreadLedger threads;
    private final SecretBox secrets;
    private final Backoff backoff;
    private final int maxAttempts;

    public SlackPoster(SlackTransport transport, ThreadLedger threads, SecretBox secrets, NotifierConfig config) {
        this.transport = transport;
        this.threads = threads;
        this.secrets = secrets;
        this.backoff = new Backoff(
                config.delivery().initialBackoff(), config.delivery().maxBackoff());
        this.maxAttempts = Math.max(1, config.delivery().maxAttempts());
    }

    /** Posts until Slack accepts, refuses for good, or the attempts run out; never throws. */
    public DeliveryOutcome post(Delivery d, Subscription s, Pacer pacer) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return attemptOnce(d, s, attempt);
            } catch (RuntimeException failure) {
                String error = describe(failure, s);
                SlackException refusal = failure instanceof SlackException e ? e : null;
                boolean retryable =
                        refusal == null ? failure instanceof SlackTransport.SlackUnreachable : refusal.retryable();
                if (!retryable || attempt >= maxAttempts) {
                    return DeliveryOutcome.failed(attempt, error);
                }
                Duration wait = backoff.after(attempt, refusal == null ? null : refusal.retryAfter());
                if (refusal != null && refusal.status() == 429 || refusal != null && refusal.retryAfter() != null) {
                    pacer.holdFor(wait);
                }
                LOG.infof(
                        "Delivery %s attempt %d of %d failed (%s); retrying in %d ms",
                        d.deliveryId(), attempt, maxAttempts, error, wait.toMillis());
                Thread.sleep(wait.toMillis());
                pacer.awaitTurn();
            }
        }
    }

    private DeliveryOutcome attemptOnce(Delivery d, Subscription s, int attempt) {
        ObjectNode message = message(d);
        if (s.target() == Subscription.Target.WEBHOOK) {
            transport.webhook(WebhookUrl.of(secrets.open(s.webhookUrl())).uri(), message);
            return DeliveryOutcome.delivered(attempt, null, null, null);
        }
        message.put("channel", s.channel());
        message.put("unfurl_links", false);
        Optional<ThreadLedger.Thread> thread =
                d.migrationId() == null ? Optional.empty() : threads.find(s.id(), d.migrationId());
        thread.ifPresent(t -> {
            message.put("channel", t.channelId());
            message.put("thread_ts", t.ts());
            if (BROADCAST.contains(d.kind())) {
                message.put("reply_broadcast", true);
            }
        });
        SlackTransport.Posted posted = transport.postMessage(secrets.open(s.botToken()), message);
        if (d.migrationId() != null && thread.isEmpty() && posted.ts() != null) {
            threads.save(s.id(), d.migrationId(), posted.channelId(), posted.ts());
        }
        return DeliveryOutcome.delivered(
                attempt,
                posted.channelId(),
                posted.ts(),
                thread.map(ThreadLedger.Thread::ts).orElse(null));
    }

    private static ObjectNode message(Delivery d) {
        try {
            return (ObjectNode) JSON.readTree(d.messageJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable message of delivery " + d.deliveryId(), e);
        }
    }

    /** One line about a failed post that is safe to log and to put in an event: no URL, no token. */
    String describe(Throwable failure, Subscription s) {
        String text = failure instanceof SlackException
                ? failure.getMessage()
                : "Slack could not be reached: " + failure.getMessage();
        if (s.webhookUrl() != null) {
            text = WebhookUrl.of(secrets.open(s.webhookUrl())).scrub(text);
        }
        if (s.botToken() != null) {
            text = text.replace(secrets.open(s.botToken()), "[token]");
        }
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}

package dev.ferry.simulator.slack.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.simulator.slack.domain.RateLimited;
import dev.ferry.simulator.slack.domain.RecordedMessage;
import jakarta.enterprise.context.ApplicationScoped;

/** Accepts incoming-webhook posts: checks them like Slack and records the valid ones. */
@ApplicationScoped
public class WebhookService {

    private final MessageLog log;
    private final RateLimiter limiter;

    public WebhookService(MessageLog log, RateLimiter limiter) {
        this.log = log;
        this.limiter = limiter;
    }

    /** Records the payload for the webhook at {@code path}, or throws with Slack's error word. */
    public RecordedMessage post(String path, JsonNode payload) {
        PayloadChecker.check(payload);
        if (!limiter.admit(path)) {
            throw new RateLimited(path);
        }
        return log.record(RecordedMessage.VIA_WEBHOOK, path, payload);
    }
}

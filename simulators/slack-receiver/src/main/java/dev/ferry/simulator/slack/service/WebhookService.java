package dev.ferry.simulator.slack.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.simulator.slack.domain.RecordedMessage;
import jakarta.enterprise.context.ApplicationScoped;

/** Accepts incoming-webhook posts: checks them like Slack and records the valid ones. */
@ApplicationScoped
public class WebhookService {

    private final MessageLog log;

    public WebhookService(MessageLog log) {
        this.log = log;
    }

    /** Records the payload for the webhook at {@code path}, or throws with Slack's error word. */
    public RecordedMessage post(String path, JsonNode payload) {
        PayloadChecker.check(payload);
        return log.record(RecordedMessage.VIA_WEBHOOK, path, payload);
    }
}

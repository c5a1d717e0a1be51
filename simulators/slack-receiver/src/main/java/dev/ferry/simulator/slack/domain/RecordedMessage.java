package dev.ferry.simulator.slack.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One accepted message as it arrived: how, where to, and the payload exactly as sent. */
public record RecordedMessage(long sequence, Instant receivedAt, String via, String target, JsonNode payload) {

    public static final String VIA_WEBHOOK = "webhook";
    public static final String VIA_CHAT = "chat.postMessage";
}

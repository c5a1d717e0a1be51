package dev.ferry.simulator.slack.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One accepted message as it arrived: how, where to, and the payload exactly as sent; for the Web
 * API also the channel id and the message's {@code ts} (for {@code chat.update}, the ts it replaced).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordedMessage(
        long sequence, Instant receivedAt, String via, String target, JsonNode payload, String channel, String ts) {

    public static final String VIA_WEBHOOK = "webhook";
    public static final String VIA_CHAT = "chat.postMessage";
    public static final String VIA_UPDATE = "chat.update";
    public static final String VIA_RESPONSE_URL = "response_url";
}

package dev.ferry.simulator.slack.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.slack.config.ReceiverConfig;
import dev.ferry.simulator.slack.domain.RecordedMessage;
import dev.ferry.simulator.slack.domain.SlackError;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Implements the Web API's {@code chat.postMessage}: bot-token auth, channel look-up, the same
 * payload checks as webhooks, and Slack's success body with a fresh {@code ts}.
 */
@ApplicationScoped
public class ChatService {

    private final ReceiverConfig config;
    private final ChannelDirectory channels;
    private final MessageTimestamps timestamps;
    private final MessageLog log;
    private final ObjectMapper json;

    public ChatService(
            ReceiverConfig config,
            ChannelDirectory channels,
            MessageTimestamps timestamps,
            MessageLog log,
            ObjectMapper json) {
        this.config = config;
        this.channels = channels;
        this.timestamps = timestamps;
        this.log = log;
        this.json = json;
    }

    /**
     * Posts a message; the token comes from the {@code Authorization: Bearer} header or, as Slack
     * also allows, from a {@code token} argument.
     */
    public ObjectNode post(String authorization, ObjectNode payload) {
        String token = bearer(authorization);
        if (token == null && payload.path("token").isTextual()) {
            token = payload.get("token").asText();
        }
        if (token == null || token.isBlank()) {
            throw new SlackError("not_authed", "no token was sent");
        }
        if (!config.botTokens().contains(token)) {
            throw new SlackError("invalid_auth", "the token is not a known bot token");
        }
        String channelArg =
                payload.path("channel").isTextual() ? payload.get("channel").asText() : null;
        String channel = channels.resolve(channelArg)
                .orElseThrow(() -> new SlackError("channel_not_found", "unknown channel " + channelArg));
        PayloadChecker.check(payload);
        String ts = timestamps.next();
        log.record(RecordedMessage.VIA_CHAT, channelArg, payload);
        ObjectNode answer = json.createObjectNode();
        answer.put("ok", true);
        answer.put("channel", channel);
        answer.put("ts", ts);
        answer.set("message", message(payload, ts));
        return answer;
    }

    private ObjectNode message(ObjectNode payload, String ts) {
        ObjectNode message = json.createObjectNode();
        message.put("user", config.botUserId());
        message.put("type", "message");
        message.put("ts", ts);
        message.put("bot_id", config.botId());
        message.put("app_id", config.appId());
        message.put("text", payload.path("text").asText(""));
        message.put("team", config.teamId());
        copy(payload, message, "blocks");
        copy(payload, message, "attachments");
        copy(payload, message, "thread_ts");
        return message;
    }

    private static void copy(ObjectNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(field, value.deepCopy());
        }
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        return parts.length == 2 && parts[0].equalsIgnoreCase("bearer") ? parts[1] : null;
    }
}

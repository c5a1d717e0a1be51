package dev.ferry.simulator.slack.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.slack.config.ReceiverConfig;
import dev.ferry.simulator.slack.domain.RateLimited;
import dev.ferry.simulator.slack.domain.RecordedMessage;
import dev.ferry.simulator.slack.domain.SlackError;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Implements the Web API's {@code chat.postMessage} and {@code chat.update}: bot-token auth,
 * channel look-up, the same payload checks as webhooks, the per-channel rate limit, and Slack's
 * success body with a fresh {@code ts} (threads: {@code thread_ts} is recorded and echoed).
 */
@ApplicationScoped
public class ChatService {

    private final ReceiverConfig config;
    private final ChannelDirectory channels;
    private final MessageTimestamps timestamps;
    private final MessageLog log;
    private final RateLimiter limiter;
    private final ObjectMapper json;

    public ChatService(
            ReceiverConfig config,
            ChannelDirectory channels,
            MessageTimestamps timestamps,
            MessageLog log,
            RateLimiter limiter,
            ObjectMapper json) {
        this.config = config;
        this.channels = channels;
        this.timestamps = timestamps;
        this.log = log;
        this.limiter = limiter;
        this.json = json;
    }

    /**
     * Posts a message; the token comes from the {@code Authorization: Bearer} header or, as Slack
     * also allows, from a {@code token} argument.
     */
    public ObjectNode post(String authorization, ObjectNode payload) {
        authenticate(authorization, payload);
        String channelArg = text(payload, "channel");
        String channel = channels.resolve(channelArg)
                .orElseThrow(() -> new SlackError("channel_not_found", "unknown channel " + channelArg));
        PayloadChecker.check(payload);
        if (!limiter.admit(channel)) {
            throw new RateLimited(channel);
        }
        String ts = timestamps.next();
        log.record(RecordedMessage.VIA_CHAT, channelArg, payload, channel, ts);
        ObjectNode answer = json.createObjectNode();
        answer.put("ok", true);
        answer.put("channel", channel);
        answer.put("ts", ts);
        answer.set("message", message(payload, ts));
        return answer;
    }

    /**
     * Replaces a message the bot posted: {@code channel} and {@code ts} name it; the new text and
     * blocks are checked like a post. Unknown messages answer {@code message_not_found}.
     */
    public ObjectNode update(String authorization, ObjectNode payload) {
        authenticate(authorization, payload);
        String channelArg = text(payload, "channel");
        String channel = channels.resolve(channelArg)
                .orElseThrow(() -> new SlackError("channel_not_found", "unknown channel " + channelArg));
        String ts = text(payload, "ts");
        if (ts == null || log.posted(channel, ts).isEmpty()) {
            throw new SlackError("message_not_found", "no message with ts " + ts + " in " + channel);
        }
        PayloadChecker.check(payload);
        if (!limiter.admit(channel)) {
            throw new RateLimited(channel);
        }
        log.record(RecordedMessage.VIA_UPDATE, channelArg, payload, channel, ts);
        ObjectNode answer = json.createObjectNode();
        answer.put("ok", true);
        answer.put("channel", channel);
        answer.put("ts", ts);
        answer.put("text", payload.path("text").asText(""));
        answer.set("message", message(payload, ts));
        return answer;
    }

    private void authenticate(String authorization, ObjectNode payload) {
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
    }

    private static String text(ObjectNode payload, String field) {
        return payload.path(field).isTextual() ? payload.get(field).asText() : null;
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

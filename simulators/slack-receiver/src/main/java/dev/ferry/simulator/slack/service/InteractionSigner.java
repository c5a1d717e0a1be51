package dev.ferry.simulator.slack.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.slack.config.ReceiverConfig;
import dev.ferry.simulator.slack.domain.RecordedMessage;
import dev.ferry.simulator.slack.domain.SlackError;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays a person clicking a button on a recorded message: builds the {@code block_actions} payload
 * Slack would send to the app's interactivity URL, with a {@code response_url} back to this
 * receiver, and signs it ({@code v0} HMAC-SHA256 over {@code v0:<timestamp>:<body>}).
 */
@ApplicationScoped
public class InteractionSigner {
    private final MessageLog log;
    private final ReceiverConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final Set<String> responseUrls = ConcurrentHashMap.newKeySet();

    public InteractionSigner(MessageLog log, ReceiverConfig config, Clock clock, ObjectMapper json) {
        this.log = log;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    /**
     * What to click. The message is named by {@code messageSequence} (any recorded message) or by
     * {@code messageTs} (a bot message); the button by {@code actionId}. {@code value} overrides
     * the button's value; {@code timestamp} (epoch seconds) overrides now, e.g. to make a stale one.
     */
    public record Click(
            String signingSecret,
            String userId,
            String actionId,
            Long messageSequence,
            String messageTs,
            String value,
            Long timestamp) {}

    /** A signed interactivity request, ready to POST as {@code application/x-www-form-urlencoded}. */
    public record Signed(String body, String timestamp, String signature, String responseUrl, JsonNode payload) {}

    public Signed sign(Click click, String baseUrl) {
        if (click == null || blank(click.signingSecret()) || blank(click.userId()) || blank(click.actionId())) {
            throw new SlackError("invalid_arguments", "signingSecret, userId and actionId are required");
        }
        RecordedMessage message = find(click);
        JsonNode button = button(message.payload(), click.actionId());
        String value =
                click.value() != null ? click.value() : button.path("value").asText(null);
        String responseId = UUID.randomUUID().toString().replace("-", "");
        responseUrls.add(responseId);
        String base = config.publicUrl().orElse(baseUrl);
        String responseUrl = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/_receiver/response/"
                + responseId;
        String channel = message.channel() != null ? message.channel() : "C0WEBHOOK00";
        String ts = message.ts() != null
                ? message.ts()
                : String.format("%d.%06d", message.receivedAt().getEpochSecond(), message.sequence());
        long now =
                click.timestamp() != null ? click.timestamp() : clock.instant().getEpochSecond();

        ObjectNode payload = json.createObjectNode();
        payload.put("type", "block_actions");
        payload.putObject("team").put("id", config.teamId()).put("domain", "ferry-demo");
        payload.putObject("user")
                .put("id", click.userId())
                .put("username", click.userId().toLowerCase(java.util.Locale.ROOT))
                .put("team_id", config.teamId());
        payload.put("api_app_id", config.appId());
        payload.putObject("container")
                .put("type", "message")
                .put("message_ts", ts)
                .put("channel_id", channel)
                .put("is_ephemeral", false);
        payload.put("trigger_id", now + "." + UUID.randomUUID().toString().substring(0, 8));
        payload.putObject("channel")
                .put("id", channel)
                .put("name", String.valueOf(message.target()).replace("#", ""));
        ObjectNode shown = message.payload().deepCopy();
        shown.put("type", "message");
        shown.put("ts", ts);
        payload.set("message", shown);
        payload.put("response_url", responseUrl);
        ObjectNode action = payload.putArray("actions").addObject();
        action.put("type", "button");
        action.put("action_id", click.actionId());
        action.put("block_id", button.path("block_id").asText("actions"));
        action.set("text", button.path("text").deepCopy());
        if (value != null) {
            action.put("value", value);
        }
        action.put("action_ts", now + ".000100");

        String body = "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
        String timestamp = String.valueOf(now);
        return new Signed(body, timestamp, signature(click.signingSecret(), timestamp, body), responseUrl, payload);
    }

    public boolean knows(String responseId) {
        return responseUrls.contains(responseId);
    }

    static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0="
                    + HexFormat.of()
                            .formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private RecordedMessage find(Click click) {
        for (RecordedMessage m : log.all()) {
            boolean bySequence = click.messageSequence() != null && m.sequence() == click.messageSequence();
            boolean byTs = click.messageTs() != null && click.messageTs().equals(m.ts());
            if (bySequence || byTs) {
                return m;
            }
        }
        throw new SlackError("message_not_found", "no recorded message with that sequence or ts");
    }

    /** The button with this action id in the message, with its block's id; Slack sends only clicks on real buttons. */
    private JsonNode button(JsonNode payload, String actionId) {
        for (JsonNode block : payload.path("blocks")) {
            if (!"actions".equals(block.path("type").asText())) {
                continue;
            }
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText())) {
                    ObjectNode found = element.deepCopy();
                    found.put("block_id", block.path("block_id").asText("actions"));
                    return found;
                }
            }
        }
        throw new SlackError("action_not_found", "the message has no button with action_id " + actionId);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

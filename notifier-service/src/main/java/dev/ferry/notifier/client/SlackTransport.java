package dev.ferry.notifier.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.notifier.config.NotifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Slack over HTTP, blocking (the delivery lanes call it from their own threads): incoming webhooks,
 * {@code chat.postMessage}, {@code chat.update} and interaction {@code response_url}s. Refusals
 * become {@link SlackException}s with Slack's word and Retry-After; nothing here logs a URL or a
 * token.
 */
@ApplicationScoped
public class SlackTransport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final String apiUrl;

    public SlackTransport(NotifierConfig config) {
        this.connectTimeout = config.slack().connectTimeout();
        this.readTimeout = config.slack().readTimeout();
        String api = config.slack().apiUrl();
        this.apiUrl = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
    }

    /** Where a bot's message landed. */
    public record Posted(String channelId, String ts) {}

    /** Posts to an incoming webhook (or a response_url, which answers the same way). */
    public void webhook(URI url, JsonNode message) {
        Answer answer = post(url, null, message.toString());
        if (answer.status() / 100 != 2) {
            throw new SlackException(answer.status(), word(answer.body()), answer.retryAfter());
        }
    }

    /** {@code chat.postMessage}: the message must carry {@code channel} (and {@code thread_ts} for a reply). */
    public Posted postMessage(String token, ObjectNode message) {
        JsonNode answer = webApi("chat.postMessage", token, message);
        return new Posted(answer.path("channel").asText(null), answer.path("ts").asText(null));
    }

    /** {@code chat.update}: the message must carry {@code channel} and {@code ts}. */
    public Posted update(String token, ObjectNode message) {
        JsonNode answer = webApi("chat.update", token, message);
        return new Posted(answer.path("channel").asText(null), answer.path("ts").asText(null));
    }

    private JsonNode webApi(String method, String token, ObjectNode body) {
        Answer response = post(URI.create(apiUrl + "/" + method), token, body.toString());
        if (response.status() / 100 != 2) {
            throw new SlackException(response.status(), word(response.body()), response.retryAfter());
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new SlackException(response.status(), "unreadable_answer", null);
        }
        if (!answer.path("ok").asBoolean(false)) {
            throw new SlackException(
                    response.status(), answer.path("error").asText("unknown_error"), response.retryAfter());
        }
        return answer;
    }

    private record Answer(int status, String body, Duration retryAfter) {}

    /**
     * One POST on the calling thread (HttpURLConnection keeps connections alive and needs no thread
     * hand-offs, which matters when a lane posts many messages in a row).
     */
    private Answer post(URI url, String token, String json) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout((int) connectTimeout.toMillis());
            connection.setReadTimeout((int) readTimeout.toMillis());
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json; charset=utf-8");
            if (token != null) {
                connection.setRequestProperty("Authorization", "Bearer " + token);
            }
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            connection.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (in != null) {
                in.close();
            }
            return new Answer(status, body, RetryAfter.parse(connection.getHeaderField("Retry-After")));
        } catch (IOException e) {
            if (connection != null) {
                connection.disconnect();
            }
            throw new SlackUnreachable(e);
        }
    }

    /** Slack's word from a text or JSON body, cut short; never more than 100 characters of it. */
    private static String word(String body) {
        if (body == null) {
            return null;
        }
        String word = body.strip();
        if (word.startsWith("{")) {
            try {
                word = JSON.readTree(word).path("error").asText(word);
            } catch (JsonProcessingException ignored) {
                // Not JSON after all: keep the text.
            }
        }
        return word.length() > 100 ? word.substring(0, 100) : word;
    }

    /** Slack could not be reached at all (connection refused, timeout); always worth another attempt. */
    public static class SlackUnreachable extends RuntimeException {
        SlackUnreachable(Throwable cause) {
            super(
                    cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                    cause);
        }
    }
}

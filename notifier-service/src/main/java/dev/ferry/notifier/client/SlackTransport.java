package dev.ferry.notifier.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.notifier.config.NotifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    private final HttpClient http;
    private final Duration readTimeout;
    private final String apiUrl;

    public SlackTransport(NotifierConfig config) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.slack().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = config.slack().readTimeout();
        String api = config.slack().apiUrl();
        this.apiUrl = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
    }

    /** Where a bot's message landed. */
    public record Posted(String channelId, String ts) {}

    /** Posts to an incoming webhook (or a response_url, which answers the same way). */
    public void webhook(URI url, JsonNode message) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString(), StandardCharsets.UTF_8))
                .build());
        if (response.statusCode() / 100 != 2) {
            throw new SlackException(response.statusCode(), word(response.body()), retryAfter(response));
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
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(apiUrl + "/" + method))
                .timeout(readTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build());
        if (response.statusCode() / 100 != 2) {
            throw new SlackException(response.statusCode(), word(response.body()), retryAfter(response));
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new SlackException(response.statusCode(), "unreadable_answer", null);
        }
        if (!answer.path("ok").asBoolean(false)) {
            throw new SlackException(
                    response.statusCode(), answer.path("error").asText("unknown_error"), retryAfter(response));
        }
        return answer;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SlackUnreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackUnreachable(e);
        }
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null));
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

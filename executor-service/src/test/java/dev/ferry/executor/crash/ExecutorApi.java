package dev.ferry.executor.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The crash test's view of the executor over its REST API, every call carrying the bench user's
 * bearer token the way a production client would; a failed read counts as "unreadable", since the
 * executor may be down.
 */
final class ExecutorApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String token;

    ExecutorApi(String token) {
        this.token = token;
    }

    /** The migration's status and its steps as the executor shows them, or null when unreadable. */
    JsonNode migration(String executorUrl, String migrationId) {
        try {
            HttpResponse<String> r = send(executorUrl + "/api/migrations/" + migrationId, "Bearer " + token);
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    String status(String executorUrl, String migrationId) {
        JsonNode m = migration(executorUrl, migrationId);
        return m == null ? "unreadable" : m.path("migration").path("status").asText("not started");
    }

    static int count(JsonNode migration, String status) {
        int n = 0;
        if (migration != null) {
            for (JsonNode s : migration.path("steps")) {
                n += s.path("status").asText().equals(status) ? 1 : 0;
            }
        }
        return n;
    }

    /** The running steps as {@code id (type)}. */
    static List<String> running(JsonNode migration) {
        List<String> running = new ArrayList<>();
        if (migration != null) {
            for (JsonNode s : migration.path("steps")) {
                if (s.path("status").asText().equals("running")) {
                    running.add(s.path("stepId").asText() + " ("
                            + s.path("stepType").asText() + ")");
                }
            }
        }
        return running;
    }

    static JsonNode step(JsonNode migration, String stepId) {
        for (JsonNode s : migration.path("steps")) {
            if (s.path("stepId").asText().equals(stepId)) {
                return s;
            }
        }
        return JSON.missingNode();
    }

    String awaitEnd(String executorUrl, String migrationId, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String status = "unknown";
        while (Instant.now().isBefore(deadline)) {
            status = status(executorUrl, migrationId);
            if (status.equals("completed") || status.equals("failed")) {
                return status;
            }
            Thread.sleep(500);
        }
        return status;
    }

    /** The HTTP status of a GET with the given Authorization header (none when null). */
    static int statusOf(String url, String authorization) throws IOException, InterruptedException {
        return send(url, authorization).statusCode();
    }

    static JsonNode getJson(String url) throws IOException, InterruptedException {
        return JSON.readTree(send(url, null).body());
    }

    private static HttpResponse<String> send(String url, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

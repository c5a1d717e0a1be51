package dev.ferry.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON-over-HTTP client that keeps a transcript of what it read, so a test can check every
 * answer the flow saw (for example for leaked secrets).
 */
public final class HttpApi {
    /** One request and its answer; repeated identical answers to polling are kept once. */
    public record Exchange(String method, URI uri, int status, String body) {}

    /** An answer. */
    public record Response(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final Duration requestTimeout;
    private final List<Exchange> transcript = new ArrayList<>();
    private final Map<String, String> lastBodies = new HashMap<>();

    public HttpApi(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = requestTimeout;
    }

    public Response get(URI uri) throws IOException {
        return send(HttpRequest.newBuilder(uri).GET(), "GET", uri);
    }

    public Response post(URI uri, String json) throws IOException {
        return send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
                "POST",
                uri);
    }

    /** Every distinct answer read so far, in order. */
    public synchronized List<Exchange> transcript() {
        return List.copyOf(transcript);
    }

    private Response send(HttpRequest.Builder builder, String method, URI uri) throws IOException {
        HttpRequest request = builder.timeout(requestTimeout)
                .header("Accept", "application/json")
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("Interrupted while calling " + method + " " + uri, e);
        }
        Response answer = new Response(response.statusCode(), response.body() == null ? "" : response.body());
        record(method, uri, answer);
        return answer;
    }

    private synchronized void record(String method, URI uri, Response answer) {
        String key = method + " " + uri;
        String fingerprint = answer.status() + "\n" + answer.body();
        if (!fingerprint.equals(lastBodies.put(key, fingerprint))) {
            transcript.add(new Exchange(method, uri, answer.status(), answer.body()));
        }
    }
}

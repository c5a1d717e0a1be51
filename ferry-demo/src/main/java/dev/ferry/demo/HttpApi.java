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
 * answer the flow saw (for example for leaked secrets). {@link #as} gives a view that sends one
 * user's bearer token with every request and shares the transcript; tokens are never recorded.
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
    private final List<Exchange> transcript;
    private final Map<String, String> lastBodies;
    private final OidcTokens.Source tokens;

    public HttpApi(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = requestTimeout;
        this.transcript = new ArrayList<>();
        this.lastBodies = new HashMap<>();
        this.tokens = null;
    }

    private HttpApi(HttpApi shared, OidcTokens.Source tokens) {
        this.client = shared.client;
        this.requestTimeout = shared.requestTimeout;
        this.transcript = shared.transcript;
        this.lastBodies = shared.lastBodies;
        this.tokens = tokens;
    }

    /** The same client and transcript, sending {@code Authorization: Bearer} with the user's token. */
    public HttpApi as(OidcTokens.Source user) {
        return new HttpApi(this, user);
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
    public List<Exchange> transcript() {
        synchronized (transcript) {
            return List.copyOf(transcript);
        }
    }

    private Response send(HttpRequest.Builder builder, String method, URI uri) throws IOException {
        builder.timeout(requestTimeout).header("Accept", "application/json");
        Response answer = exchange(builder, method, uri);
        if (answer.status() == 401 && tokens != null) {
            // Expired or revoked early: once more with a fresh token.
            tokens.invalidate();
            answer = exchange(builder, method, uri);
        }
        record(method, uri, answer);
        return answer;
    }

    private Response exchange(HttpRequest.Builder builder, String method, URI uri) throws IOException {
        if (tokens != null) {
            builder.setHeader("Authorization", "Bearer " + tokens.bearer());
        }
        HttpResponse<String> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("Interrupted while calling " + method + " " + uri, e);
        }
        return new Response(response.statusCode(), response.body() == null ? "" : response.body());
    }

    private void record(String method, URI uri, Response answer) {
        String key = method + " " + uri;
        String fingerprint = answer.status() + "\n" + answer.body();
        synchronized (transcript) {
            if (!fingerprint.equals(lastBodies.put(key, fingerprint))) {
                transcript.add(new Exchange(method, uri, answer.status(), answer.body()));
            }
        }
    }
}

package dev.ferry.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Bearer tokens from an OIDC issuer with the password grant, for the demo's users: the token
 * endpoint comes from the issuer's discovery document, and each user's token is fetched again
 * shortly before it expires. Tokens are never printed or put in an exception message.
 */
public final class OidcTokens {
    private final URI issuer;
    private final String clientId;
    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private URI tokenEndpoint;

    public OidcTokens(URI issuer, String clientId, Duration timeout) {
        this(issuer, clientId, timeout, Clock.systemUTC());
    }

    OidcTokens(URI issuer, String clientId, Duration timeout, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The issuer these tokens come from. */
    public URI issuer() {
        return issuer;
    }

    /** A source of tokens for one user. */
    public Source forUser(DemoAuth.Login login) {
        return new Source(login);
    }

    /**
     * Every token handed out so far. Only for tests that search outputs for leaked tokens; never print
     * them.
     */
    public List<String> issued() {
        return List.copyOf(issued);
    }

    /** The token endpoint named by the issuer's discovery document, read once. */
    synchronized URI tokenEndpoint() throws IOException {
        if (tokenEndpoint == null) {
            URI discovery = DemoTargets.at(issuer, "/.well-known/openid-configuration");
            HttpResponse<String> response = send(HttpRequest.newBuilder(discovery)
                    .header("Accept", "application/json")
                    .GET());
            if (response.statusCode() != 200) {
                throw new DemoException("The OIDC issuer's discovery document " + discovery + " answered HTTP "
                        + response.statusCode() + " (is FERRY_OIDC_ISSUER right?)");
            }
            JsonNode doc = FlowJson.parse(response.body());
            if (!issuer.toString().equals(doc.path("issuer").asText())) {
                throw new DemoException("The discovery document at " + discovery + " names the issuer '"
                        + doc.path("issuer").asText() + "', not " + issuer + "; the services would refuse its tokens");
            }
            String endpoint = doc.path("token_endpoint").asText("");
            if (endpoint.isBlank()) {
                throw new DemoException("The discovery document at " + discovery + " names no token_endpoint");
            }
            tokenEndpoint = URI.create(endpoint);
        }
        return tokenEndpoint;
    }

    private Token fetch(DemoAuth.Login login) throws IOException {
        String form = "grant_type=password&client_id=" + encode(clientId) + "&username=" + encode(login.username())
                + "&password=" + encode(login.password());
        URI endpoint = tokenEndpoint();
        Instant asked = clock.instant();
        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)));
        JsonNode body = parseQuietly(response.body());
        String token = body.path("access_token").asText("");
        if (response.statusCode() != 200 || token.isBlank()) {
            // Only the OAuth error code and description: the answer might echo what was sent.
            throw new DemoException("The OIDC issuer refused a token for " + login.username() + ": HTTP "
                    + response.statusCode() + " " + body.path("error").asText("")
                    + (body.hasNonNull("error_description")
                            ? " (" + body.path("error_description").asText() + ")"
                            : "")
                    + "; check the user's password (bin/demo --help)");
        }
        long expiresIn = body.path("expires_in").asLong(60);
        issued.add(token);
        return new Token(token, asked, Duration.ofSeconds(Math.max(1, expiresIn)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return client.send(
                    request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("Interrupted while asking the OIDC issuer " + issuer, e);
        }
    }

    private static JsonNode parseQuietly(String body) {
        try {
            return FlowJson.parse(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException e) {
            return FlowJson.parse("{}");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An access token, when it was asked for and how long it lives. */
    private record Token(String value, Instant asked, Duration lifetime) {
        /** Fetched again a fifth of its lifetime (at most 30 s) before it expires. */
        Instant renewAt() {
            Duration margin = lifetime.dividedBy(5);
            if (margin.compareTo(Duration.ofSeconds(30)) > 0) {
                margin = Duration.ofSeconds(30);
            }
            return asked.plus(lifetime).minus(margin);
        }

        @Override
        public String toString() {
            return "Token[lifetime " + lifetime + "]";
        }
    }

    /** One user's current token, renewed before it expires. */
    public final class Source {
        private final DemoAuth.Login login;
        private Token current;

        private Source(DemoAuth.Login login) {
            this.login = login;
        }

        /** The user this source signs in as. */
        public String username() {
            return login.username();
        }

        /** A token that is valid for a while yet. */
        public synchronized String bearer() throws IOException {
            if (current == null || !clock.instant().isBefore(current.renewAt())) {
                current = fetch(login);
            }
            return current.value();
        }

        /** Forgets the current token (the service refused it), so the next call fetches a new one. */
        public synchronized void invalidate() {
            current = null;
        }

        @Override
        public String toString() {
            return "OidcTokens.Source[" + login.username() + "]";
        }
    }
}

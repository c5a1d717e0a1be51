package dev.ferry.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bearer tokens for tests, fetched from the issuer {@link OidcTestResource} started, by user name:
 * {@code viewer}, {@code operator}, {@code approver}, {@code approver2}, {@code admin}, {@code
 * everyone} (all roles), {@code nobody} (no roles).
 */
public final class Tokens {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Tokens() {}

    /** A token valid for an hour for the user, from the issuer this test's application trusts. */
    public static String of(String user) {
        String issuer = issuer();
        return CACHE.computeIfAbsent(issuer + "|" + user, k -> fetch(issuer, user, 3600));
    }

    /** A token for the user that expired ten minutes ago. */
    public static String expired(String user) {
        return fetch(issuer(), user, -600);
    }

    /** The issuer URL the application under test trusts. */
    public static String issuer() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    /** A token from the issuer at {@code issuer}, e.g. another test's, for one of the standard users. */
    public static String fetch(String issuer, String user, long ttlSeconds) {
        String form = "grant_type=password&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user + "-pw", StandardCharsets.UTF_8) + "&ttl_seconds="
                + ttlSeconds;
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("No token for " + user + ": " + response.statusCode());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("The OIDC issuer at " + issuer + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

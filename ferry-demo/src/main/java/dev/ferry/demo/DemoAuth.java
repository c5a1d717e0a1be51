package dev.ferry.demo;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Who the demo signs in as, and where: the OIDC issuer the services trust, the client the tokens are
 * for, the requester (an operator) and the approver (a second person, as production plans require).
 *
 * @param issuer the issuer URL, e.g. {@code http://127.0.0.1:8090/realms/ferry}; its discovery
 *     document names the token endpoint
 * @param clientId the client the password grant is made for (its tokens carry the services' audience)
 * @param requester starts the discovery and so requests the plan; needs viewer and operator
 * @param approver approves the plan and the migration's gates; needs viewer and approver
 */
public record DemoAuth(URI issuer, String clientId, Login requester, Login approver) {
    public static final String DEFAULT_ISSUER = "http://127.0.0.1:8090/realms/ferry";
    public static final String DEFAULT_CLIENT_ID = "ferry-api";

    /** A user name and password; {@link #toString()} never shows the password. */
    public record Login(String username, String password) {
        public Login {
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("A demo user needs a name");
            }
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Login[" + username + "]";
        }
    }

    public DemoAuth {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(approver, "approver");
    }

    /** The dev issuer's users (dev/oidc-issuer): alice (viewer, operator) requests, bob (viewer, approver) approves. */
    public static DemoAuth defaults() {
        return fromEnv(Map.of());
    }

    /**
     * The defaults, overridden by {@code FERRY_OIDC_ISSUER}, {@code FERRY_OIDC_CLIENT_ID}, {@code
     * FERRY_DEMO_REQUESTER} and {@code FERRY_DEMO_REQUESTER_PASSWORD}, {@code FERRY_DEMO_APPROVER} and
     * {@code FERRY_DEMO_APPROVER_PASSWORD}.
     */
    public static DemoAuth fromEnv(Map<String, String> env) {
        return new DemoAuth(
                URI.create(trimSlash(value(env, "FERRY_OIDC_ISSUER", DEFAULT_ISSUER))),
                value(env, "FERRY_OIDC_CLIENT_ID", DEFAULT_CLIENT_ID),
                new Login(
                        value(env, "FERRY_DEMO_REQUESTER", "alice"),
                        value(env, "FERRY_DEMO_REQUESTER_PASSWORD", "alice-demo")),
                new Login(
                        value(env, "FERRY_DEMO_APPROVER", "bob"),
                        value(env, "FERRY_DEMO_APPROVER_PASSWORD", "bob-demo")));
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

package dev.ferry.oidc;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the issuer for the demo: {@code java -jar ferry-oidc-issuer.jar <port>}, with the demo's users
 * from {@code FERRY_DEMO_USERS} ({@code name:password:role+role,...}) or a default set.
 */
public final class OidcIssuerMain {
    static final String DEFAULT_USERS = "alice:alice-demo:viewer+operator,bob:bob-demo:viewer+approver,"
            + "carol:carol-demo:viewer+operator+approver+admin,ferry-demo:ferry-demo:viewer+operator+approver+admin";

    private OidcIssuerMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        String spec = System.getenv().getOrDefault("FERRY_DEMO_USERS", DEFAULT_USERS);
        try (OidcIssuer issuer = OidcIssuer.start(port, "ferry-api", parseUsers(spec))) {
            System.out.println("OIDC issuer ready at " + issuer.issuer());
            new CountDownLatch(1).await();
        }
    }

    static List<OidcIssuer.User> parseUsers(String spec) {
        return java.util.Arrays.stream(spec.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> {
                    String[] parts = s.split(":", 3);
                    if (parts.length != 3) {
                        throw new IllegalArgumentException("A user is name:password:role+role, not " + s);
                    }
                    return new OidcIssuer.User(parts[0], parts[1], Set.of(parts[2].split("\\+")));
                })
                .toList();
    }
}

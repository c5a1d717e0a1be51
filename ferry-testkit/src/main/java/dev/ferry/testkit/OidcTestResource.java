package dev.ferry.testkit;

import dev.ferry.oidc.OidcIssuer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a real OIDC issuer beside a {@code @QuarkusTest} and points Quarkus OIDC at it; tests get
 * tokens for the users of {@link Tokens} over the issuer's token endpoint.
 */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {
    /**
     * Test users: the name is also the password's prefix; {@code approver2} is a second approver;
     * {@code ferry-drift} is a person whose token carries a name Ferry reserves for its own work.
     */
    static final List<OidcIssuer.User> USERS = List.of(
            user("viewer", "viewer"),
            user("operator", "viewer", "operator"),
            user("approver", "viewer", "approver"),
            user("approver2", "viewer", "approver"),
            user("admin", "viewer", "admin"),
            user("everyone", "viewer", "operator", "approver", "admin"),
            user("nobody"),
            user("ferry-drift", "viewer", "operator"));

    private OidcIssuer issuer;

    @Override
    public Map<String, String> start() {
        issuer = OidcIssuer.start(0, "ferry-api", USERS);
        return Map.of(
                "quarkus.oidc.tenant-enabled",
                "true",
                "quarkus.oidc.auth-server-url",
                issuer.issuer(),
                "quarkus.oidc.client-id",
                "ferry-api");
    }

    @Override
    public void stop() {
        if (issuer != null) {
            issuer.close();
        }
    }

    private static OidcIssuer.User user(String name, String... roles) {
        return new OidcIssuer.User(name, name + "-pw", Set.of(roles));
    }
}

package dev.ferry.testkit;

import static io.restassured.RestAssured.given;

import dev.ferry.oidc.OidcIssuer;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Calls every endpoint of a service as every test user, without a token, with an expired token and
 * with a token from another issuer, and lists each answer that contradicts the endpoint's roles.
 */
public final class AuthorizationMatrix {
    /**
     * The users of {@link OidcTestResource} and the roles each holds; the one with a reserved name
     * is refused whatever its roles, and tested on its own.
     */
    public static final List<TestUser> USERS = OidcTestResource.USERS.stream()
            .filter(u -> !u.name().startsWith("ferry-"))
            .map(u -> new TestUser(u.name(), u.roles()))
            .toList();

    private final List<Endpoint> endpoints = new ArrayList<>();
    private int calls;

    /** A test user and its roles. */
    public record TestUser(String name, Set<String> roles) {}

    /**
     * One endpoint: method, path and JSON body (null for none), and the roles of which a caller needs
     * at least one.
     */
    public record Endpoint(String method, String path, String body, Set<String> roles) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Adds an endpoint any of whose roles lets a caller in. */
    public AuthorizationMatrix endpoint(String method, String path, String body, String... roles) {
        endpoints.add(new Endpoint(method, path, body, Set.of(roles)));
        return this;
    }

    /** How many requests the last {@link #violations()} made. */
    public int calls() {
        return calls;
    }

    /**
     * Every answer that breaks the rules: 401 without a valid token from the trusted issuer, 403 for a
     * user without the role, anything but 401/403 for a user with it.
     */
    public List<String> violations() {
        calls = 0;
        List<String> problems = new ArrayList<>();
        try (OidcIssuer foreign = OidcIssuer.start(0, "ferry-api", OidcTestResource.USERS)) {
            String foreignToken = foreign.token("everyone", Set.of("viewer", "operator", "approver", "admin"));
            String expired = Tokens.expired("everyone");
            for (Endpoint endpoint : endpoints) {
                expect(problems, endpoint, "no token", given().auth().none(), 401);
                expect(problems, endpoint, "expired token", given().auth().oauth2(expired), 401);
                expect(
                        problems,
                        endpoint,
                        "another issuer's token",
                        given().auth().oauth2(foreignToken),
                        401);
                for (TestUser user : USERS) {
                    boolean allowed = user.roles().stream().anyMatch(endpoint.roles()::contains);
                    RequestSpecification request = given().auth().oauth2(Tokens.of(user.name()));
                    int status = send(request, endpoint);
                    if (allowed && (status == 401 || status == 403)) {
                        problems.add(endpoint + " as " + user.name() + " " + user.roles() + ": " + status
                                + ", expected to be let in");
                    } else if (!allowed && status != 403) {
                        problems.add(endpoint + " as " + user.name() + " " + user.roles() + ": " + status
                                + ", expected 403");
                    }
                }
            }
        }
        return problems;
    }

    private void expect(List<String> problems, Endpoint endpoint, String what, RequestSpecification request, int want) {
        int status = send(request, endpoint);
        if (status != want) {
            problems.add(endpoint + " with " + what + ": " + status + ", expected " + want);
        }
    }

    private int send(RequestSpecification request, Endpoint endpoint) {
        calls++;
        if (endpoint.body() != null) {
            request = request.contentType("application/json").body(endpoint.body());
        }
        return request.request(endpoint.method(), endpoint.path()).statusCode();
    }
}

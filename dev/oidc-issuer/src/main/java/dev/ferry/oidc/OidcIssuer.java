package dev.ferry.oidc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A real, minimal OpenID Connect issuer: discovery document, JWKS and a token endpoint issuing RS256
 * access tokens with Keycloak-style roles, so Quarkus OIDC validates tokens exactly as in production.
 */
public final class OidcIssuer implements AutoCloseable {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final KeyPair keys;
    private final String keyId;
    private final String issuer;
    private final String audience;
    private final Map<String, User> users;
    private final Clock clock;

    /** A user the token endpoint knows, with a password and roles. */
    public record User(String name, String password, Set<String> roles) {}

    private OidcIssuer(HttpServer server, String audience, Map<String, User> users, Clock clock) {
        this.server = server;
        this.audience = audience;
        this.users = Map.copyOf(users);
        this.clock = clock;
        this.keys = rsaKeys();
        this.keyId = UUID.randomUUID().toString().substring(0, 8);
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/ferry";
        server.createContext("/realms/ferry/.well-known/openid-configuration", this::discovery);
        server.createContext("/realms/ferry/protocol/openid-connect/certs", this::jwks);
        server.createContext("/realms/ferry/protocol/openid-connect/token", this::token);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "oidc-issuer");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Starts an issuer on 127.0.0.1 and the given port (0 for any free port). */
    public static OidcIssuer start(int port, String audience, List<User> users) {
        Map<String, User> byName = new LinkedHashMap<>();
        users.forEach(u -> byName.put(u.name(), u));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            return new OidcIssuer(server, audience, byName, Clock.systemUTC());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the OIDC issuer on port " + port, e);
        }
    }

    /** The issuer URL, which is also what {@code quarkus.oidc.auth-server-url} points at. */
    public String issuer() {
        return issuer;
    }

    /** A signed access token for a subject with roles, valid for {@code ttl} (negative: already expired). */
    public String token(String subject, Set<String> roles, Duration ttl) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("preferred_username", subject);
        claims.put("aud", audience);
        claims.put("azp", audience);
        claims.put("typ", "Bearer");
        claims.put("iat", now - 5);
        claims.put("exp", now + ttl.getSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        List<String> sorted = new ArrayList<>(new TreeSet<>(roles));
        claims.put("groups", sorted);
        claims.put("realm_access", Map.of("roles", sorted));
        return sign(claims);
    }

    /** A token valid for an hour. */
    public String token(String subject, Set<String> roles) {
        return token(subject, roles, Duration.ofHours(1));
    }

    private String sign(Map<String, Object> claims) {
        String header = Json.write(Map.of("alg", "RS256", "typ", "JWT", "kid", keyId));
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("jwks_uri", issuer + "/protocol/openid-connect/certs");
        doc.put("token_endpoint", issuer + "/protocol/openid-connect/token");
        doc.put("authorization_endpoint", issuer + "/protocol/openid-connect/auth");
        doc.put("response_types_supported", List.of("code"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("grant_types_supported", List.of("password", "client_credentials"));
        respond(exchange, 200, Json.write(doc));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("kty", "RSA");
        key.put("kid", keyId);
        key.put("use", "sig");
        key.put("alg", "RS256");
        key.put("n", B64.encodeToString(unsigned(pub.getModulus().toByteArray())));
        key.put("e", B64.encodeToString(unsigned(pub.getPublicExponent().toByteArray())));
        respond(exchange, 200, Json.write(Map.of("keys", List.of(key))));
    }

    /** The password grant, for the demo driver and people trying the API with curl. */
    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, Json.write(Map.of("error", "invalid_request")));
            return;
        }
        Map<String, String> form = form(exchange.getRequestBody());
        User user = users.get(form.getOrDefault("username", ""));
        if (!"password".equals(form.get("grant_type"))
                || user == null
                || !user.password().equals(form.get("password"))) {
            respond(exchange, 401, Json.write(Map.of("error", "invalid_grant")));
            return;
        }
        long ttl = ttlSeconds(form.get("ttl_seconds"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token(user.name(), user.roles(), Duration.ofSeconds(ttl)));
        body.put("token_type", "Bearer");
        body.put("expires_in", ttl);
        respond(exchange, 200, Json.write(body));
    }

    /** Tests ask for short-lived or already expired tokens with {@code ttl_seconds}; the default is an hour. */
    private static long ttlSeconds(String requested) {
        try {
            return requested == null ? 3600 : Long.parseLong(requested);
        } catch (NumberFormatException e) {
            return 3600;
        }
    }

    private static Map<String, String> form(InputStream in) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        String body = new String(in.readNBytes(16_384), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No RSA on this JVM", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.ferry.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OidcIssuerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private OidcIssuer issuer;

    @BeforeEach
    void start() {
        issuer = OidcIssuer.start(0, "ferry-api", List.of(new OidcIssuer.User("bob", "pw", Set.of("approver"))));
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void tokensVerifyAgainstThePublishedKeys() throws Exception {
        JsonNode discovery = get(issuer.issuer() + "/.well-known/openid-configuration");
        assertThat(discovery.get("issuer").asText()).isEqualTo(issuer.issuer());
        JsonNode key = get(discovery.get("jwks_uri").asText()).get("keys").get(0);

        String token = issuer.token("alice", Set.of("viewer", "operator"));
        String[] parts = token.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey(key));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.get("iss").asText()).isEqualTo(issuer.issuer());
        assertThat(claims.get("preferred_username").asText()).isEqualTo("alice");
        assertThat(claims.get("realm_access").get("roles").toString()).isEqualTo("[\"operator\",\"viewer\"]");
        assertThat(JSON.readTree(Base64.getUrlDecoder().decode(parts[0]))
                        .get("kid")
                        .asText())
                .isEqualTo(key.get("kid").asText());
    }

    @Test
    void anExpiredTokenCarriesAPastExpiry() throws Exception {
        String token = issuer.token("alice", Set.of("viewer"), Duration.ofMinutes(-10));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.get("exp").asLong()).isLessThan(System.currentTimeMillis() / 1000);
    }

    @Test
    void thePasswordGrantIssuesTokensOnlyForKnownUsers() throws Exception {
        HttpResponse<String> ok = post("grant_type=password&username=bob&password=pw");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("access_token").asText()).contains(".");
        assertThat(post("grant_type=password&username=bob&password=wrong").statusCode())
                .isEqualTo(401);
        assertThat(post("grant_type=password&username=eve&password=pw").statusCode())
                .isEqualTo(401);
    }

    @Test
    void demoUsersParse() {
        assertThat(OidcIssuerMain.parseUsers(OidcIssuerMain.DEFAULT_USERS))
                .extracting(OidcIssuer.User::name)
                .contains("alice", "bob", "carol", "ferry-demo");
    }

    private JsonNode get(String url) throws Exception {
        return JSON.readTree(
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
    }

    private HttpResponse<String> post(String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(issuer.issuer() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static PublicKey publicKey(JsonNode jwk) throws Exception {
        BigInteger n =
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("n").asText()));
        BigInteger e =
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("e").asText()));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    }
}

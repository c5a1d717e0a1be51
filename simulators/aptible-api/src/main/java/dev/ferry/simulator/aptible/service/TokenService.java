package dev.ferry.simulator.aptible.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.aptible.config.SimulatorConfig;
import dev.ferry.simulator.aptible.domain.AccessToken;
import dev.ferry.simulator.aptible.domain.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints JWT-shaped bearer tokens for configured users and checks them on every request. */
@ApplicationScoped
public class TokenService {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final SimulatorConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final byte[] signingKey = new byte[32];
    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();

    public TokenService(SimulatorConfig config, Clock clock, ObjectMapper json) {
        this.config = config;
        this.clock = clock;
        this.json = json;
        new SecureRandom().nextBytes(signingKey);
    }

    public AccessToken issue(TokenRequest request) {
        if (blank(request.grantType())) {
            throw new ApiException(400, "invalid_request", "grant_type is required");
        }
        if (!"password".equals(request.grantType())) {
            throw new ApiException(
                    400,
                    "unsupported_grant_type",
                    "The authorization grant type is not supported by the authorization server");
        }
        SimulatorConfig.User user = config.users().stream()
                .filter(u -> u.username().equalsIgnoreCase(nullToEmpty(request.username())))
                .filter(u -> u.password().equals(request.password()))
                .findFirst()
                .orElseThrow(() -> new ApiException(401, "invalid_credentials", "Invalid email or password"));
        long lifetime = lifetime(request.expiresIn());
        String scope = blank(request.scope())
                ? config.tokens().defaultScope()
                : request.scope().trim();
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        String userId = userId(user.username());
        Instant expiresAt = now.plusSeconds(lifetime);
        String value = jwt(id, userId, user.username(), scope, now, expiresAt);
        AccessToken token = new AccessToken(
                id,
                value,
                userId,
                user.username(),
                user.name().orElse(user.username().split("@")[0]),
                scope,
                now,
                expiresAt);
        tokens.put(value, token);
        return token;
    }

    /** Resolves an {@code Authorization} header to a live token or fails with 401. */
    public AccessToken authenticate(String authorization) {
        if (blank(authorization)) {
            throw ApiException.invalidToken("Missing Authorization header");
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2 || !"bearer".equalsIgnoreCase(parts[0])) {
            throw ApiException.invalidToken("Authorization header must be 'Bearer <token>'");
        }
        AccessToken token =
                Optional.ofNullable(tokens.get(parts[1])).orElseThrow(() -> ApiException.invalidToken("Invalid Token"));
        if (token.expiredAt(clock.instant())) {
            tokens.remove(parts[1]);
            throw ApiException.invalidToken("Token has expired");
        }
        return token;
    }

    /** Forgets every token, as if all had expired: clients must log in again. Returns how many. */
    public int revokeAll() {
        int count = tokens.size();
        tokens.clear();
        return count;
    }

    private long lifetime(String raw) {
        if (blank(raw)) {
            return config.tokens().defaultLifetimeSeconds();
        }
        try {
            long seconds = Long.parseLong(raw.trim());
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(400, "invalid_request", "expires_in must be a positive number of seconds");
    }

    private String jwt(String id, String userId, String email, String scope, Instant now, Instant exp) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("id", id);
        claims.put("iss", "aptible-simulator");
        claims.put("sub", userId);
        claims.put("email", email);
        claims.put("scope", scope);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", exp.getEpochSecond());
        try {
            String header = encode(Map.of("alg", "HS256", "typ", "JWT"));
            String body = encode(claims);
            return header + "." + body + "." + sign(header + "." + body);
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build token", e);
        }
    }

    private String encode(Map<String, Object> value) throws JsonProcessingException {
        return URL.encodeToString(json.writeValueAsBytes(value));
    }

    private String sign(String input) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
        return URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String userId(String username) {
        return UUID.nameUUIDFromBytes(username.toLowerCase().getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}

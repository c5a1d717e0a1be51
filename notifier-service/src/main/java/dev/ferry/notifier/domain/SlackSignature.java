package dev.ferry.notifier.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature: {@code v0=} + hex HMAC-SHA256 of {@code v0:<timestamp>:<raw body>}
 * with the app's signing secret, and a timestamp no further than the allowed age from now.
 */
public final class SlackSignature {
    private SlackSignature() {}

    /** Why a request was refused, or OK. */
    public enum Verdict {
        OK,
        MISSING,
        STALE,
        MISMATCH
    }

    /** The signature Slack would send for this body at this timestamp. */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Checks the headers against every secret the request may be signed with (constant-time compare). */
    public static Verdict verify(
            List<String> secrets, String timestamp, String signature, String body, Instant now, Duration maxAge) {
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
            return Verdict.MISSING;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Verdict.MISSING;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > maxAge.toSeconds()) {
            return Verdict.STALE;
        }
        byte[] sent = signature.strip().getBytes(StandardCharsets.UTF_8);
        for (String secret : secrets) {
            byte[] expected = sign(secret, timestamp.strip(), body).getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(expected, sent)) {
                return Verdict.OK;
            }
        }
        return Verdict.MISMATCH;
    }
}

package dev.ferry.events.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Seals and opens secret values with AES-256-GCM so plaintext never reaches the log or a table. */
public final class SecretBox {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;
    private final SecretKey fingerprintKey;

    /**
     * @param activeKeyId the key that seals new values
     * @param base64Keys every key that may still open old values, by id; each 32 bytes in base64
     */
    public SecretBox(String activeKeyId, Map<String, String> base64Keys) {
        Objects.requireNonNull(activeKeyId, "activeKeyId");
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        base64Keys.forEach((id, value) -> parsed.put(id, parseKey(id, value)));
        if (!parsed.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("No key material configured for the active key id " + activeKeyId);
        }
        this.activeKeyId = activeKeyId;
        this.keys = Map.copyOf(parsed);
        this.fingerprintKey = new SecretKeySpec(
                hmac(parsed.get(activeKeyId), "ferry-fingerprint".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    /** A box with a single key. */
    public static SecretBox of(String keyId, String base64Key) {
        return new SecretBox(keyId, Map.of(keyId, base64Key));
    }

    /** Seals a plaintext with the active key. */
    public SealedSecret seal(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return new SealedSecret(activeKeyId, Base64.getEncoder().encodeToString(out), fingerprint(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a secret", e);
        }
    }

    /**
     * Opens a sealed value; fails loudly when the key is unknown or the ciphertext was tampered
     * with.
     */
    public String open(SealedSecret secret) {
        SecretKey key = keys.get(secret.keyId());
        if (key == null) {
            throw new SecretException(
                    "No key with id " + secret.keyId() + " is configured; cannot open a secret sealed with it");
        }
        byte[] in = Base64.getDecoder().decode(secret.ciphertext());
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(secret.keyId().getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SecretException(
                    "The secret sealed with key "
                            + secret.keyId()
                            + " cannot be opened: wrong key material or tampered data",
                    e);
        }
    }

    /** Re-seals a value under the active key, for key rotation. */
    public SealedSecret reseal(SealedSecret secret) {
        return secret.keyId().equals(activeKeyId) ? secret : seal(open(secret));
    }

    /** A short keyed digest of a value, safe to show and to compare. */
    public String fingerprint(String plaintext) {
        byte[] digest = hmac(fingerprintKey, plaintext.getBytes(StandardCharsets.UTF_8));
        return "fp:" + HexFormat.of().formatHex(digest, 0, 6);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    private static SecretKey parseKey(String id, String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Key " + id + " is not valid base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("Key " + id + " must be 32 bytes (AES-256), got " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static byte[] hmac(SecretKey key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.getAlgorithm().equals("HmacSHA256") ? key : new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** A secret could not be opened. */
    public static final class SecretException extends RuntimeException {
        public SecretException(String message) {
            super(message);
        }

        public SecretException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

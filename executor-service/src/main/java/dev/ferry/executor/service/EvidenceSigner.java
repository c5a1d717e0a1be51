package dev.ferry.executor.service;

import dev.ferry.executor.config.ExecutorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Signs evidence packs with an Ed25519 key from configuration, so an auditor holding Ferry's public
 * key can tell a pack came from Ferry unaltered (a digest alone can be recomputed by whoever alters
 * it). The public key is derived from the private one, so there is only one secret to configure.
 */
@ApplicationScoped
public class EvidenceSigner {
    public static final String ALGORITHM = "Ed25519";

    private final Optional<Keys> keys;

    /** The configured key pair and its id, worked out once. */
    private record Keys(KeyPair pair, String id) {}

    @Inject
    public EvidenceSigner(ExecutorConfig config) {
        this(config.evidence().signingKey());
    }

    EvidenceSigner(Optional<String> privateKey) {
        this.keys = privateKey
                .filter(k -> !k.isBlank())
                .map(EvidenceSigner::pair)
                .map(p -> new Keys(p, keyId(p.getPublic())));
    }

    /** A signature and the id of the key that made it. */
    public record Signed(String keyId, String value) {}

    /** The signature of the canonical evidence text, or empty when no signing key is configured. */
    public Optional<Signed> sign(String canonical) {
        return keys.map(k -> {
            try {
                Signature signature = Signature.getInstance(ALGORITHM);
                signature.initSign(k.pair().getPrivate());
                signature.update(canonical.getBytes(StandardCharsets.UTF_8));
                return new Signed(k.id(), Base64.getEncoder().encodeToString(signature.sign()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot sign the evidence pack: " + e.getMessage(), e);
            }
        });
    }

    /** The public key as PEM, for {@code openssl pkeyutl -verify}; empty when packs are not signed. */
    public Optional<String> publicKeyPem() {
        return keys.map(k -> "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(k.pair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
    }

    /** The key's id: the first 16 hex digits of SHA-256 over the public key's DER encoding. */
    public Optional<String> keyId() {
        return keys.map(Keys::id);
    }

    private static String keyId(PublicKey key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair pair(String text) {
        String body = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        PrivateKey key;
        try {
            key = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("executor.evidence.signing-key (FERRY_EVIDENCE_SIGNING_KEY) is not an"
                    + " Ed25519 private key in PKCS#8 (make one with: openssl genpkey -algorithm ed25519)");
        }
        byte[] seed = ((EdECPrivateKey) key)
                .getBytes()
                .orElseThrow(() -> new IllegalArgumentException("The evidence signing key has no key bytes"));
        try {
            // Ed25519's key pair is a function of its 32-byte seed: generating from a "random" source that
            // returns the seed rebuilds the pair, public key included.
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the evidence signing key's public key", e);
        }
    }

    /** A "random" source that hands out one seed, to rebuild a key pair from its private key. */
    private static final class SeedRandom extends SecureRandom {
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("Expected a request for " + seed.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}

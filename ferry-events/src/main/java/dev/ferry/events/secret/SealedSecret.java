package dev.ferry.events.secret;

/**
 * A secret value as it travels and rests: AES-GCM ciphertext, the id of the key that sealed it, and
 * a keyed fingerprint that lets people compare values without seeing them.
 *
 * @param keyId the id of the key that sealed the value
 * @param ciphertext base64 of the 12-byte nonce followed by the ciphertext and tag
 * @param fingerprint a short keyed digest, e.g. {@code fp:3f2a9c01d4e7}
 */
public record SealedSecret(String keyId, String ciphertext, String fingerprint) {

    /** What a person may see of the secret. */
    @Override
    public String toString() {
        return "SealedSecret[" + keyId + ", " + fingerprint + "]";
    }
}

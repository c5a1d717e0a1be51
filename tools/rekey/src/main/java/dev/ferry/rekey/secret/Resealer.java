package dev.ferry.rekey.secret;

import dev.ferry.events.secret.SealedSecret;
import dev.ferry.events.secret.SecretBox;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Re-seals the sealed values of one record value under the active key and proves a re-sealed value
 * against its source. The fingerprint is kept as it was: plan hashes were computed over fingerprints,
 * and a recorded hash must stay true.
 */
public final class Resealer {
    private final KeyRing keys;

    public Resealer(KeyRing keys) {
        this.keys = keys;
    }

    /** What one record holds: its sealed values by key id, or that it is not JSON. */
    public record Census(Map<String, Integer> byKeyId, boolean json) {
        static final Census NOT_JSON = new Census(Map.of(), false);

        public int old(KeyRing keys) {
            return byKeyId.entrySet().stream()
                    .filter(e -> keys.isOld(e.getKey()))
                    .mapToInt(Map.Entry::getValue)
                    .sum();
        }
    }

    /** Counts the sealed values by key id without opening them (no key needed). */
    public static Census census(byte[] value) {
        if (value == null) {
            return new Census(Map.of(), true);
        }
        try {
            Map<String, Integer> counts = new TreeMap<>();
            for (SealedJson.Found f : SealedJson.find(new String(value, StandardCharsets.UTF_8))) {
                counts.merge(f.secret().keyId(), 1, Integer::sum);
            }
            return new Census(counts, true);
        } catch (SealedJson.NotJsonException e) {
            return Census.NOT_JSON;
        }
    }

    /** Opens every value sealed with an old key, to prove the key material before anything is written. */
    public void checkOpens(byte[] value, String where) {
        for (SealedJson.Found f : findOrNone(value)) {
            open(keys.all(), f.secret(), where);
        }
    }

    /** The value with every old-key sealed value re-sealed under the active key; the same array when none. */
    public byte[] reseal(byte[] value, String where) {
        List<SealedJson.Found> found = findOrNone(value);
        if (found.stream().noneMatch(f -> keys.isOld(f.secret().keyId()))) {
            return value;
        }
        List<SealedSecret> replacements = new ArrayList<>(found.size());
        for (SealedJson.Found f : found) {
            SealedSecret old = f.secret();
            if (keys.isOld(old.keyId())) {
                SealedSecret fresh = keys.all().seal(open(keys.all(), old, where));
                replacements.add(new SealedSecret(fresh.keyId(), fresh.ciphertext(), old.fingerprint()));
            } else {
                replacements.add(old);
            }
        }
        String json = new String(value, StandardCharsets.UTF_8);
        return SealedJson.replace(json, found, replacements).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Proves that {@code resealed} is {@code original} re-sealed: no value under an old key is left,
     * each value opens with the active key alone to the plaintext of its source with the same
     * fingerprint, and putting the old literals back gives the original bytes exactly.
     */
    public void verify(byte[] original, byte[] resealed, String where) {
        if (original == null || resealed == null) {
            require(original == resealed, where, "a null value was not copied as null");
            return;
        }
        String source = new String(original, StandardCharsets.UTF_8);
        String copy = new String(resealed, StandardCharsets.UTF_8);
        List<SealedJson.Found> before;
        try {
            before = SealedJson.find(source);
        } catch (SealedJson.NotJsonException e) {
            require(java.util.Arrays.equals(original, resealed), where, "a non-JSON value was changed");
            return;
        }
        List<SealedJson.Found> after = findOrNone(resealed);
        require(before.size() == after.size(), where, "the number of sealed values differs");
        for (int i = 0; i < before.size(); i++) {
            SealedSecret old = before.get(i).secret();
            SealedSecret now = after.get(i).secret();
            require(keys.activeKeyId().equals(now.keyId()), where, "a value is still sealed with " + now.keyId());
            require(Objects.equals(old.fingerprint(), now.fingerprint()), where, "a fingerprint changed");
            if (keys.isOld(old.keyId())) {
                String plain = open(keys.activeOnly(), now, where);
                require(plain.equals(open(keys.all(), old, where)), where, "a re-sealed value opens to another value");
            } else {
                require(old.equals(now), where, "a value already under the active key was changed");
            }
        }
        require(
                SealedJson.restore(copy, after, source, before).equals(source),
                where,
                "bytes outside sealed values differ");
    }

    private static List<SealedJson.Found> findOrNone(byte[] value) {
        if (value == null) {
            return List.of();
        }
        try {
            return SealedJson.find(new String(value, StandardCharsets.UTF_8));
        } catch (SealedJson.NotJsonException e) {
            return List.of();
        }
    }

    private static String open(SecretBox box, SealedSecret secret, String where) {
        try {
            return box.open(secret);
        } catch (SecretBox.SecretException e) {
            throw new RekeyException(e.getMessage() + " (" + where + ")");
        } catch (IllegalArgumentException e) {
            throw new RekeyException("A sealed value is not valid base64 (" + where + ")");
        }
    }

    private static void require(boolean condition, String where, String what) {
        if (!condition) {
            throw new VerificationException("Verification failed at " + where + ": " + what);
        }
    }

    /** A value cannot be re-sealed. */
    public static class RekeyException extends RuntimeException {
        public RekeyException(String message) {
            super(message);
        }
    }

    /** A copy is not what it should be. */
    public static final class VerificationException extends RekeyException {
        public VerificationException(String message) {
            super(message);
        }
    }
}

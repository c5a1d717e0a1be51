package dev.ferry.rekey.secret;

import dev.ferry.events.secret.SecretBox;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The keys the tool works with, read from the environment exactly as the services read them
 * ({@code FERRY_SECRETS_KEY} is key {@code k1}, {@code FERRY_SECRETS_KEYS_<ID>} any other,
 * {@code FERRY_SECRETS_KEY_ID} the active one), so key material never appears on a command line.
 *
 * @param activeKeyId the key every value is re-sealed with
 * @param all a box that opens values sealed with any configured key and seals with the active one
 * @param activeOnly a box holding the active key alone, used to prove re-sealed values need nothing else
 * @param keyIds every configured key id
 */
public record KeyRing(String activeKeyId, SecretBox all, SecretBox activeOnly, Set<String> keyIds) {
    public static final String KEY = "FERRY_SECRETS_KEY";
    public static final String KEYS_PREFIX = "FERRY_SECRETS_KEYS_";
    public static final String KEY_ID = "FERRY_SECRETS_KEY_ID";

    /** Reads the keys from environment variables; throws {@link KeyConfigException} naming what is wrong. */
    public static KeyRing fromEnvironment(Map<String, String> env) {
        Map<String, String> material = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(KEYS_PREFIX) && name.length() > KEYS_PREFIX.length() && !blank(value)) {
                material.put(name.substring(KEYS_PREFIX.length()).toLowerCase(Locale.ROOT), value.trim());
            }
        });
        String k1 = env.get(KEY);
        if (!blank(k1)) {
            String other = material.put("k1", k1.trim());
            if (other != null && !other.equals(k1.trim())) {
                throw new KeyConfigException(
                        KEY + " and " + KEYS_PREFIX + "K1 both configure key k1 with different material; keep one");
            }
        }
        String active = blank(env.get(KEY_ID)) ? "k1" : env.get(KEY_ID).trim();
        if (material.isEmpty()) {
            throw new KeyConfigException("No secrets key is configured: set " + KEY + " (key k1) and/or " + KEYS_PREFIX
                    + "<ID>, and " + KEY_ID + " to the key to re-seal with");
        }
        if (!material.containsKey(active)) {
            throw new KeyConfigException("No key material configured for the active key id " + active + " (set "
                    + envName(active) + "); configured ids: " + material.keySet());
        }
        try {
            SecretBox all = new SecretBox(active, material);
            SecretBox activeOnly = SecretBox.of(active, material.get(active));
            return new KeyRing(
                    active,
                    all,
                    activeOnly,
                    java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(material.keySet())));
        } catch (IllegalArgumentException e) {
            // SecretBox names the key id and what is wrong with its format, never the material
            throw new KeyConfigException(e.getMessage());
        }
    }

    /** The environment variable that configures a key id. */
    public static String envName(String keyId) {
        return "k1".equals(keyId) ? KEY + " or " + KEYS_PREFIX + "K1" : KEYS_PREFIX + keyId.toUpperCase(Locale.ROOT);
    }

    /** Whether values sealed with this id must be re-sealed. */
    public boolean isOld(String keyId) {
        return !activeKeyId.equals(keyId);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The keys in the environment cannot be used. */
    public static final class KeyConfigException extends RuntimeException {
        public KeyConfigException(String message) {
            super(message);
        }
    }
}

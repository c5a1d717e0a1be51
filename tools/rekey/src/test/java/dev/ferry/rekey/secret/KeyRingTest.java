package dev.ferry.rekey.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyRingTest {
    private static final String K1 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String K2 = "HxweHRwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgE=";

    @Test
    void readsKeysAsTheServicesDo() {
        KeyRing keys = KeyRing.fromEnvironment(Map.of(
                "FERRY_SECRETS_KEY", K1, "FERRY_SECRETS_KEYS_K2", K2, "FERRY_SECRETS_KEY_ID", "k2", "PATH", "/bin"));
        assertThat(keys.activeKeyId()).isEqualTo("k2");
        assertThat(keys.keyIds()).containsExactlyInAnyOrder("k1", "k2");
        assertThat(keys.isOld("k1")).isTrue();
        assertThat(keys.isOld("k2")).isFalse();
        assertThat(keys.activeOnly().open(keys.all().seal("v"))).isEqualTo("v");
        assertThat(KeyRing.fromEnvironment(Map.of("FERRY_SECRETS_KEY", K1)).activeKeyId())
                .isEqualTo("k1");
    }

    @Test
    void namesWhatIsWrongAndNeverTheMaterial() {
        assertThatThrownBy(() -> KeyRing.fromEnvironment(Map.of()))
                .hasMessageContaining("No secrets key is configured");
        assertThatThrownBy(() -> KeyRing.fromEnvironment(Map.of("FERRY_SECRETS_KEY", K1, "FERRY_SECRETS_KEY_ID", "k2")))
                .hasMessageContaining("active key id k2 (set FERRY_SECRETS_KEYS_K2)");
        assertThatThrownBy(() -> KeyRing.fromEnvironment(Map.of("FERRY_SECRETS_KEY", "c2hvcnQ=")))
                .hasMessageContaining("Key k1 must be 32 bytes")
                .hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> KeyRing.fromEnvironment(Map.of("FERRY_SECRETS_KEY", K1, "FERRY_SECRETS_KEYS_K1", K2)))
                .hasMessageContaining("both configure key k1")
                .hasMessageNotContaining(K1)
                .hasMessageNotContaining(K2);
    }
}

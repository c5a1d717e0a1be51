package dev.ferry.events.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    private static final String KEY_1 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String KEY_2 = "HxwdHhscGRoXGBUWExQREg8QDQ4LDAkKBwgFBgMEAQI=";

    @Test
    void sealsAndOpens() {
        SecretBox box = SecretBox.of("k1", KEY_1);
        SealedSecret sealed = box.seal("postgres://u:FAKE-pw@db:5432/x");
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.ciphertext()).doesNotContain("FAKE-pw");
        assertThat(sealed.toString()).doesNotContain(sealed.ciphertext());
        assertThat(box.open(sealed)).isEqualTo("postgres://u:FAKE-pw@db:5432/x");
    }

    @Test
    void sealingTwiceGivesDifferentCiphertextButTheSameFingerprint() {
        SecretBox box = SecretBox.of("k1", KEY_1);
        SealedSecret a = box.seal("same");
        SealedSecret b = box.seal("same");
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).startsWith("fp:").hasSize(15);
        assertThat(box.seal("other").fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void aWrongKeyFailsLoudly() {
        SealedSecret sealed = SecretBox.of("k1", KEY_1).seal("value");
        SecretBox impostor = SecretBox.of("k1", KEY_2);
        assertThatThrownBy(() -> impostor.open(sealed))
                .isInstanceOf(SecretBox.SecretException.class)
                .hasMessageContaining("cannot be opened");
    }

    @Test
    void tamperedCiphertextIsRefused() {
        SecretBox box = SecretBox.of("k1", KEY_1);
        SealedSecret sealed = box.seal("value");
        byte[] raw = Base64.getDecoder().decode(sealed.ciphertext());
        raw[raw.length - 1] ^= 1;
        SealedSecret tampered = new SealedSecret("k1", Base64.getEncoder().encodeToString(raw), sealed.fingerprint());
        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(SecretBox.SecretException.class);
    }

    @Test
    void rotationResealsUnderTheActiveKey() {
        SealedSecret old = SecretBox.of("k1", KEY_1).seal("value");
        SecretBox rotated = new SecretBox("k2", Map.of("k1", KEY_1, "k2", KEY_2));
        SealedSecret resealed = rotated.reseal(old);
        assertThat(resealed.keyId()).isEqualTo("k2");
        assertThat(rotated.open(resealed)).isEqualTo("value");
        assertThatThrownBy(() -> SecretBox.of("k2", KEY_2).open(old)).hasMessageContaining("No key with id k1");
    }

    @Test
    void badKeyMaterialIsRefusedAtConstruction() {
        assertThatThrownBy(() -> SecretBox.of("k1", "c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretBox.of("k1", "not base64!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> new SecretBox("k9", Map.of("k1", KEY_1))).hasMessageContaining("k9");
    }
}

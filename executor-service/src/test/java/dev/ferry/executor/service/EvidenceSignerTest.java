package dev.ferry.executor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checked against OpenSSL 3: the key pair and a signature made by {@code openssl pkeyutl -sign -rawin}. */
class EvidenceSignerTest {
    /** A fake key: PKCS#8 around a 32-byte seed that spells FAKE-ferry-unit-evidence-key-002. */
    private static final String PRIVATE_PEM = "-----BEGIN PRIVATE KEY-----\n"
            + "MC4CAQAwBQYDK2VwBCIEIEZBS0UtZmVycnktdW5pdC1ldmlkZW5jZS1rZXktMDAy\n"
            + "-----END PRIVATE KEY-----\n";
    /** {@code openssl pkey -pubout} of it. */
    private static final String PUBLIC_PEM = "-----BEGIN PUBLIC KEY-----\n"
            + "MCowBQYDK2VwAyEAmA8CcLLndzEumUiKE7c1+laV1rGYEaunS5Uhd8Yv6Zs=\n"
            + "-----END PUBLIC KEY-----\n";
    /** {@code printf 'hello\n' | openssl pkeyutl -sign -inkey key.pem -rawin | base64}. */
    private static final String OPENSSL_SIGNATURE =
            "5YQ3cOsPm+KdwkWd5Nxx585LfHJ4AUg7A03Xb2KX1iWrdSJY3juMrEpHsCLJg8yY9a3WHQjto4iCGNLEPjztAA==";

    @Test
    void thePublicKeyIsDerivedFromThePrivateKeyAsOpensslDerivesIt() {
        EvidenceSigner signer = new EvidenceSigner(Optional.of(PRIVATE_PEM));
        assertThat(signer.publicKeyPem()).contains(PUBLIC_PEM);
        assertThat(signer.keyId()).get().asString().hasSize(16).matches("[0-9a-f]+");
    }

    @Test
    void signaturesAreEd25519AsOpensslMakesThem() {
        // Ed25519 is deterministic: the same key and bytes give OpenSSL's signature exactly.
        EvidenceSigner signer = new EvidenceSigner(Optional.of(PRIVATE_PEM));
        assertThat(signer.sign("hello\n"))
                .get()
                .extracting(EvidenceSigner.Signed::value)
                .isEqualTo(OPENSSL_SIGNATURE);
    }

    @Test
    void theKeyMayBeGivenWithoutItsPemLines() {
        EvidenceSigner signer =
                new EvidenceSigner(Optional.of("MC4CAQAwBQYDK2VwBCIEIEZBS0UtZmVycnktdW5pdC1ldmlkZW5jZS1rZXktMDAy"));
        assertThat(signer.publicKeyPem()).contains(PUBLIC_PEM);
    }

    @Test
    void withoutAKeyPacksAreNotSigned() {
        assertThat(new EvidenceSigner(Optional.empty()).sign("x")).isEmpty();
        assertThat(new EvidenceSigner(Optional.of("  ")).publicKeyPem()).isEmpty();
    }

    @Test
    void aKeyThatIsNotEd25519IsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new EvidenceSigner(Optional.of("not a key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an Ed25519 private key in PKCS#8")
                .hasMessageContaining("openssl genpkey -algorithm ed25519")
                .hasMessageNotContaining("not a key");
        // an RSA key (PKCS#8) is the wrong kind
        assertThatThrownBy(() -> new EvidenceSigner(Optional.of("MIIBVAIBADANBgkqhkiG9w0BAQEFAASCAT4wggE6AgEAAkEA")))
                .hasMessageContaining("is not an Ed25519 private key");
    }
}

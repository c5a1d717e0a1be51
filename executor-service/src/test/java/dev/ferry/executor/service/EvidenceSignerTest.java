package dev.ferry.executor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checked against OpenSSL 3: the key pair and a signature made by {@code openssl pkeyutl -sign -rawin}. */
class EvidenceSignerTest {
    /** {@code openssl genpkey -algorithm ed25519}, a throwaway key. */
    private static final String PRIVATE_PEM = "-----BEGIN PRIVATE KEY-----\n"
            + "MC4CAQAwBQYDK2VwBCIEIBU2SbFGDj5q+ScoG4HSWF0CeJsZxlGpvF5hgUJlOz/W\n"
            + "-----END PRIVATE KEY-----\n";
    /** {@code openssl pkey -pubout} of it. */
    private static final String PUBLIC_PEM = "-----BEGIN PUBLIC KEY-----\n"
            + "MCowBQYDK2VwAyEAlv5b5WR72Z503DpkgZaD/BFOYvn2X/q1QenuEdMIHZ8=\n"
            + "-----END PUBLIC KEY-----\n";
    /** {@code printf 'hello\n' | openssl pkeyutl -sign -inkey key.pem -rawin | base64}. */
    private static final String OPENSSL_SIGNATURE =
            "1TPI3X9hoe65g+Ez9HvtgH6GZlkbxVvlVaP9j8q/+Wh8Hv7CrbJAka/giiHRObBpDdDBPJaJcBSXFjFpZck2Ag==";

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
                new EvidenceSigner(Optional.of("MC4CAQAwBQYDK2VwBCIEIBU2SbFGDj5q+ScoG4HSWF0CeJsZxlGpvF5hgUJlOz/W"));
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

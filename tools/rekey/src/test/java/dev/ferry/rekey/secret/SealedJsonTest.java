package dev.ferry.rekey.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.events.EventCodec;
import dev.ferry.events.notification.SubscriptionSaved;
import dev.ferry.events.secret.SealedSecret;
import dev.ferry.events.secret.SecretBox;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SealedJsonTest {
    private static final SecretBox BOX = SecretBox.of("k1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

    @Test
    void findsSealedValuesAtAnyDepthOfARealEventInDocumentOrder() throws Exception {
        SubscriptionSaved event = new SubscriptionSaved(
                "s1",
                "team",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                "bot",
                "#c",
                null,
                BOX.seal("xoxb-FAKE"),
                BOX.seal("FAKE-signing"),
                List.of(),
                "alice",
                Instant.EPOCH);
        String json = EventCodec.toJson(event);
        List<SealedJson.Found> found = SealedJson.find(json);
        assertThat(found).extracting(SealedJson.Found::secret).containsExactly(event.botToken(), event.signingSecret());
        for (SealedJson.Found f : found) {
            assertThat(json.substring(f.keyId().start(), f.keyId().end())).isEqualTo("\"k1\"");
            assertThat(json.substring(f.ciphertext().start(), f.ciphertext().end()))
                    .isEqualTo("\"" + f.secret().ciphertext() + "\"");
        }
    }

    @Test
    void replacingChangesOnlyTheKeyIdAndCiphertextCharacters() throws Exception {
        String json = "{ \"a\" : [ 1, {\"x\":{\"keyId\":\"k1\",\"ciphertext\":\"QUJD\",\"fingerprint\":\"fp:1\"}} ],"
                + "\n  \"b\":{\"fingerprint\":\"fp:2\",  \"ciphertext\":\"REVG\", \"keyId\":\"k1\"}, \"n\": 1.50e3 }";
        List<SealedJson.Found> found = SealedJson.find(json);
        assertThat(found).hasSize(2);
        String out = SealedJson.replace(
                json,
                found,
                List.of(new SealedSecret("k2", "WFla", "ignored"), new SealedSecret("k2", "MTIz", "ignored")));
        assertThat(out)
                .isEqualTo(
                        json.replace("\"k1\"", "\"k2\"").replace("QUJD", "WFla").replace("REVG", "MTIz"));
        assertThat(SealedJson.restore(out, SealedJson.find(out), json, found)).isEqualTo(json);
    }

    @Test
    void objectsThatOnlyLookSealedAreLeftAlone() throws Exception {
        assertThat(SealedJson.find("{\"keyId\":\"k1\",\"ciphertext\":\"x\",\"fingerprint\":\"f\",\"extra\":1}"))
                .isEmpty();
        assertThat(SealedJson.find("{\"keyId\":\"k1\",\"ciphertext\":{\"a\":1},\"fingerprint\":\"f\"}"))
                .isEmpty();
        assertThat(SealedJson.find("[\"keyId\",\"k1\",\"ciphertext\",\"x\"]")).isEmpty();
        assertThat(SealedJson.find("\"just a string\"")).isEmpty();
        assertThatThrownBy(() -> SealedJson.find("{not json")).isInstanceOf(SealedJson.NotJsonException.class);
    }

    @Test
    void escapedCharactersAroundASealedValueSurvive() throws Exception {
        String json =
                "{\"note\":\"a \\\"quoted\\\" \\u00e9 word\",\"s\":{\"keyId\":\"k1\",\"ciphertext\":\"QUJD\\/+=\","
                        + "\"fingerprint\":\"fp\"}}";
        List<SealedJson.Found> found = SealedJson.find(json);
        assertThat(found)
                .singleElement()
                .satisfies(f -> assertThat(f.secret().ciphertext()).isEqualTo("QUJD/+="));
        String out = SealedJson.replace(json, found, List.of(new SealedSecret("k2", "Zm9v", "fp")));
        assertThat(out)
                .isEqualTo(
                        "{\"note\":\"a \\\"quoted\\\" \\u00e9 word\",\"s\":{\"keyId\":\"k2\",\"ciphertext\":\"Zm9v\","
                                + "\"fingerprint\":\"fp\"}}");
    }
}

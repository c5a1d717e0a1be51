package dev.ferry.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.events.secret.SecretBox;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key settings as the services resolve them, {@code FERRY_SECRETS_KEY} included or not. */
class FerryConfigKeysTest {
    private static final String K1 = "dGVzdC1rZXktZm9yLWZlcnJ5LXRlc3RzLW9ubHktMzI=";
    private static final String K2 = "c2Vjb25kLWtleS1mb3ItZmVycnktdGVzdHMtb25seTI=";

    /** The services' own key properties, with the environment variable given or missing. */
    private static SecretBox box(String activeKeyId, String k1, Map<String, String> more) {
        return box(activeKeyId, k1, more, Map.of());
    }

    private static SecretBox box(String activeKeyId, String k1, Map<String, String> more, Map<String, String> env) {
        Map<String, String> properties = new HashMap<>(more);
        properties.put("ferry.service", "test");
        properties.put("ferry.secrets.active-key-id", activeKeyId);
        properties.put("ferry.secrets.keys.k1", "${FERRY_TEST_K1:}");
        if (k1 != null) {
            properties.put("FERRY_TEST_K1", k1);
        }
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withMapping(FerryConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withSources(new EnvConfigSource(env, 300) {})
                .build();
        return new SecretBoxProducer().secretBox(config.getConfigMapping(FerryConfig.class));
    }

    @Test
    void k1FromTheEnvironmentSealsByDefault() {
        SecretBox box = box("k1", K1, Map.of());
        assertThat(box.open(box.seal("value"))).isEqualTo("value");
        assertThat(box.seal("value").keyId()).isEqualTo("k1");
    }

    @Test
    void afterK1IsRetiredTheServicesStartWithoutIt() {
        SecretBox box = box("k2", null, Map.of("ferry.secrets.keys.k2", K2));
        assertThat(box.seal("value").keyId()).isEqualTo("k2");
        SecretBox old = box("k1", K1, Map.of());
        assertThatThrownBy(() -> box.open(old.seal("sealed with k1"))).hasMessageContaining("k1");
    }

    @Test
    void aSecondKeyComesFromTheEnvironmentAndAnEmptyOneIsNone() {
        SecretBox rotated = box("k2", K1, Map.of(), Map.of("FERRY_SECRETS_KEYS_K2", K2, "FERRY_SECRETS_KEY_ID", "k2"));
        assertThat(rotated.seal("value").keyId()).isEqualTo("k2");
        SecretBox unrotated = box("k1", K1, Map.of(), Map.of("FERRY_SECRETS_KEYS_K2", ""));
        assertThat(unrotated.seal("value").keyId()).isEqualTo("k1");
        assertThatThrownBy(() -> box("k2", K1, Map.of(), Map.of("FERRY_SECRETS_KEYS_K2", "")))
                .hasMessageContaining("No key material configured for the active key id k2");
    }

    @Test
    void bothKeysOpenWhatEitherSealed() {
        SecretBox old = box("k1", K1, Map.of());
        SecretBox both = box("k2", K1, Map.of("ferry.secrets.keys.k2", K2));
        assertThat(both.open(old.seal("from before"))).isEqualTo("from before");
    }

    @Test
    void anActiveKeyWithoutMaterialStopsTheServiceWithAClearMessage() {
        assertThatThrownBy(() -> box("k1", null, Map.of()))
                .hasMessageContaining("No key material configured for the active key id k1");
        assertThatThrownBy(() -> box("k1", "  ", Map.of()))
                .hasMessageContaining("No key material configured for the active key id k1");
    }
}

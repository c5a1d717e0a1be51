package dev.ferry.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/** Settings every Ferry service shares: who it is, how secrets are sealed, how topics are made. */
@ConfigMapping(prefix = "ferry")
public interface FerryConfig {

    /** The keys that have material: an id configured empty (a retired {@code k1}) is left out. */
    static Map<String, String> present(Map<String, Optional<String>> keys) {
        Map<String, String> present = new java.util.TreeMap<>();
        keys.forEach((id, key) -> key.filter(k -> !k.isBlank()).ifPresent(k -> present.put(id, k)));
        return present;
    }

    /** Short service name, used as the CloudEvents source {@code /ferry/<service>}. */
    String service();

    Secrets secrets();

    Topics topics();

    Tracing tracing();

    /** The keys that seal secrets. */
    interface Secrets {
        /** Id of the key that seals new values. */
        String activeKeyId();

        /** Key material by id, base64 of 32 bytes; old keys stay until re-encryption is done. */
        Map<String, Optional<String>> keys();
    }

    /** How this service creates the event log's topics when they are missing. */
    interface Topics {
        @WithDefault("true")
        boolean create();

        @WithDefault("1")
        short replicationFactor();
    }

    /** Whether spans are recorded and exported (see {@code dev.ferry.common.observability.TracingSampler}). */
    interface Tracing {
        /** Unset: on exactly when an OTLP endpoint is configured. */
        Optional<Boolean> enabled();
    }
}

package dev.ferry.common.observability;

import dev.ferry.common.config.FerryConfig;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Records spans only when someone will receive them: an OTLP endpoint is configured, or {@code
 * ferry.tracing.enabled} says so. Otherwise spans are not sampled, so nothing is exported (no
 * connection attempts to a collector that is not there), while trace ids still propagate over REST
 * and Kafka and appear in the logs.
 */
@ApplicationScoped
public class TracingSampler {
    private static final Logger LOG = Logger.getLogger(TracingSampler.class);
    static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";

    @Produces
    @Singleton
    Sampler sampler(FerryConfig ferry, Config config) {
        boolean on = enabled(
                ferry.tracing().enabled(),
                config.getOptionalValue(ENDPOINT, String.class),
                config.getOptionalValue(TRACES_ENDPOINT, String.class));
        LOG.info(on ? "Tracing records and exports spans" : "Tracing propagates trace ids only (no OTLP endpoint)");
        return on ? Sampler.parentBased(Sampler.alwaysOn()) : Sampler.alwaysOff();
    }

    /** An explicit setting wins; otherwise a configured endpoint turns recording on. */
    static boolean enabled(Optional<Boolean> explicit, Optional<String> endpoint, Optional<String> tracesEndpoint) {
        return explicit.orElseGet(() -> endpoint.filter(s -> !s.isBlank()).isPresent()
                || tracesEndpoint.filter(s -> !s.isBlank()).isPresent());
    }
}

package dev.ferry.common.config;

import dev.ferry.events.secret.SecretBox;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Builds the secret box from configuration at start, so a wrong key stops the service before any
 * data is touched.
 */
@ApplicationScoped
public class SecretBoxProducer {

    @Produces
    @ApplicationScoped
    @Startup
    SecretBox secretBox(FerryConfig config) {
        return new SecretBox(
                config.secrets().activeKeyId(),
                FerryConfig.present(config.secrets().keys()));
    }
}

package dev.ferry.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker that wants SASL credentials, and the service the
 * {@code kafka.*} settings that carry them, as an operator would set {@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM} and {@code KAFKA_SASL_JAAS_CONFIG}.
 */
public class KafkaSaslTestResource implements QuarkusTestResourceLifecycleManager {
    private LocalKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = LocalKafka.startSasl(Path.of("target", "kafka"));
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        kafka.clientSettings().forEach((key, value) -> config.put("kafka." + key, value));
        return config;
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}

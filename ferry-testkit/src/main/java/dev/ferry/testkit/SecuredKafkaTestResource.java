package dev.ferry.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker that wants credentials, and the service the
 * {@code kafka.*} settings that carry them, as an operator would set {@code KAFKA_SECURITY_PROTOCOL}
 * and the rest. Init arg {@code protocol}: {@code sasl} (SASL PLAIN, the default) or {@code tls}
 * (mutual TLS with a PEM trust store and a PKCS12 key store, as on Strimzi's TLS listener).
 */
public class SecuredKafkaTestResource implements QuarkusTestResourceLifecycleManager {
    private String protocol = "sasl";
    private LocalKafka kafka;

    @Override
    public void init(Map<String, String> initArgs) {
        protocol = initArgs.getOrDefault("protocol", protocol);
        if (!protocol.equals("sasl") && !protocol.equals("tls")) {
            throw new IllegalArgumentException("protocol must be sasl or tls, not " + protocol);
        }
    }

    @Override
    public Map<String, String> start() {
        Path base = Path.of("target", "kafka");
        kafka = protocol.equals("tls") ? LocalKafka.startTls(base) : LocalKafka.startSasl(base);
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

package dev.ferry.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/** Gives a {@code @QuarkusTest} a real Kafka broker for its whole test run. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    private LocalKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = LocalKafka.start(Path.of("target", "kafka"));
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}

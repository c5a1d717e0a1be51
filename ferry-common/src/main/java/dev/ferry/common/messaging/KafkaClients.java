package dev.ferry.common.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Settings for Ferry's own Kafka clients (topic creation, projection replays): the same
 * {@code kafka.*} settings the messaging connector uses ({@code KAFKA_*} in the environment), so a
 * broker that wants TLS or SASL gets it from every client alike.
 */
@ApplicationScoped
public class KafkaClients {
    private final Map<String, Object> broker;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.broker = Map.copyOf(broker);
    }

    /** What an admin client takes of the settings. */
    public Map<String, Object> admin() {
        return only(AdminClientConfig.configNames());
    }

    /** What a consumer takes of the settings; callers add their own group, offsets and deserializers. */
    public Map<String, Object> consumer() {
        return only(ConsumerConfig.configNames());
    }

    private Map<String, Object> only(Set<String> known) {
        Map<String, Object> settings = new TreeMap<>();
        broker.forEach((key, value) -> {
            if (known.contains(key)) {
                settings.put(key, value);
            }
        });
        return settings;
    }
}

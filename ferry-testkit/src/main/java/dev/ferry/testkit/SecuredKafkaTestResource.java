package dev.ferry.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker that wants credentials, and the service the
 * {@code kafka.*} settings that carry them, as an operator would set {@code KAFKA_SECURITY_PROTOCOL}
 * and the rest. Init arg {@code protocol}: {@code sasl} (SASL PLAIN, the default), {@code tls}
 * (mutual TLS with a PEM trust store and a PKCS12 key store, as on Strimzi's TLS listener), or
 * {@code tls-acl}: mutual TLS with ACLs enforced, the service granted exactly the ACLs of the
 * {@code KafkaUser} named by init arg {@code kafka-user} in the file {@code kafka-users} (a path from
 * the module's directory); the topics are created beforehand and the service does not create them,
 * as in production. The test reads the super user's settings with {@link #superUserSettings()}.
 */
public class SecuredKafkaTestResource implements QuarkusTestResourceLifecycleManager {
    private static final String SUPER_USER = "ferry-test.kafka-super.";

    private String protocol = "sasl";
    private String kafkaUser;
    private Path kafkaUsers;
    private LocalKafka kafka;

    @Override
    public void init(Map<String, String> initArgs) {
        protocol = initArgs.getOrDefault("protocol", protocol);
        if (!List.of("sasl", "tls", "tls-acl").contains(protocol)) {
            throw new IllegalArgumentException("protocol must be sasl, tls or tls-acl, not " + protocol);
        }
        if (protocol.equals("tls-acl")) {
            kafkaUser = required(initArgs, "kafka-user");
            kafkaUsers = Path.of(required(initArgs, "kafka-users"));
        }
    }

    @Override
    public Map<String, String> start() {
        Path base = Path.of("target", "kafka");
        kafka = switch (protocol) {
            case "tls" -> LocalKafka.startTls(base);
            case "tls-acl" -> LocalKafka.startTls(base, true, List.of(LocalKafka.TEST_CLIENT));
            default -> LocalKafka.startSasl(base);
        };
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        kafka.clientSettings().forEach((key, value) -> config.put("kafka." + key, value));
        if (protocol.equals("tls-acl")) {
            kafka.createTopics();
            kafka.grant(kafkaUsers, kafkaUser, LocalKafka.TEST_CLIENT);
            config.put("ferry.topics.create", "false");
            kafka.superUserSettings().forEach((key, value) -> config.put(SUPER_USER + key, value));
        }
        return config;
    }

    /**
     * In a test with protocol {@code tls-acl}: the settings that connect to its broker as the super
     * user, for the test's own appends and reads as other services.
     */
    public static Map<String, String> superUserSettings() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> settings = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(SUPER_USER)) {
                settings.put(name.substring(SUPER_USER.length()), config.getValue(name, String.class));
            }
        }
        return settings;
    }

    private static String required(Map<String, String> args, String name) {
        String value = args.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("SecuredKafkaTestResource needs init arg " + name);
        }
        return value;
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}

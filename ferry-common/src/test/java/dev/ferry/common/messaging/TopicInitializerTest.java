package dev.ferry.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.config.FerryConfig;
import dev.ferry.events.Topics;
import dev.ferry.testkit.LocalKafka;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicInitializerTest {
    private static LocalKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = LocalKafka.start(Files.createTempDirectory("ferry-topics"));
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void createsTheEventLogAndRaisesTheRecordLimitOfAPlansTopicAnOlderFerryCreated() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            // What an older Ferry left: the plans topic with the broker's default 1 MB limit.
            admin.createTopics(List.of(new NewTopic(Topics.PLANS, Optional.of(3), Optional.empty())
                            .configs(Map.of("retention.ms", "-1"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);

            new TopicInitializer(config(), new KafkaClients(Map.of("bootstrap.servers", kafka.bootstrapServers())))
                    .ensureTopics();

            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsAll(Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
            assertThat(config(admin, Topics.PLANS).get("max.message.bytes").value())
                    .isEqualTo(Integer.toString(Topics.PLANS_MAX_MESSAGE_BYTES));
            assertThat(config(admin, Topics.INVENTORY).get("max.message.bytes").value())
                    .isEqualTo(Integer.toString(Topics.INVENTORY_MAX_MESSAGE_BYTES));
            assertThat(config(admin, Topics.MIGRATIONS).get("retention.ms").value())
                    .isEqualTo("-1");
        }

        // A 4 MB record that compression cannot shrink now fits on the plans topic.
        byte[] noise = new byte[3 * 1024 * 1024];
        new SecureRandom().nextBytes(noise);
        String big = Base64.getEncoder().encodeToString(noise);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.PLANS_MAX_MESSAGE_BYTES,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(Topics.PLANS, "plan-1", big))
                    .get(60, TimeUnit.SECONDS);
            assertThat(sent.serializedValueSize()).isGreaterThan(1024 * 1024);
        }
    }

    /** The topic's configuration once the broker shows the expected record limit (its metadata lags a little). */
    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        String wanted = Topics.ALL.stream()
                .filter(spec -> spec.name().equals(topic))
                .findFirst()
                .orElseThrow()
                .config()
                .get("max.message.bytes");
        Config config = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            config = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(resource);
            if (wanted == null || wanted.equals(config.get("max.message.bytes").value())) {
                break;
            }
            Thread.sleep(200);
        }
        return config;
    }

    private static FerryConfig config() {
        return new FerryConfig() {
            @Override
            public String service() {
                return "test";
            }

            @Override
            public Secrets secrets() {
                throw new UnsupportedOperationException("topics only");
            }

            @Override
            public Tracing tracing() {
                throw new UnsupportedOperationException("topics only");
            }

            @Override
            public Topics topics() {
                return new Topics() {
                    @Override
                    public boolean create() {
                        return true;
                    }

                    @Override
                    public short replicationFactor() {
                        return 1;
                    }
                };
            }
        };
    }
}

package dev.ferry.rekey.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka clients the tool uses, all from one bootstrap address plus an optional client properties
 * file (TLS, SASL) like Kafka's own command-line tools take. Records move as bytes, never decoded
 * except where a value is re-sealed.
 */
public final class Clients {
    /** Large enough for the inventory topic's 32 MB records. */
    static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

    private final Map<String, Object> common;

    public Clients(String bootstrapServers, Path commandConfig) {
        Map<String, Object> props = new HashMap<>();
        if (commandConfig != null) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(commandConfig)) {
                file.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the client properties file " + commandConfig, e);
            }
            file.forEach((k, v) -> props.put(k.toString(), v));
        }
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "ferry-rekey");
        this.common = Map.copyOf(props);
    }

    public Admin admin() {
        return Admin.create(new HashMap<>(common));
    }

    public KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> props = new HashMap<>(common);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, MAX_RECORD_BYTES);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        // data is always there up to the end a cursor reads to; a short wait keeps each close (which
        // ends the fetch session with one more fetch) from costing the default half second
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(props);
    }

    public KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> props = new HashMap<>(common);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // one request at a time: a fresh topic's leader may refuse a first batch and accept the next,
        // which would reorder records (verification would catch it) and leave the first one out of sequence
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * MAX_RECORD_BYTES);
        // an offline tool can wait: a request that times out is retried, which a loaded broker may
        // refuse as out of sequence
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 240_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        // the tool writes to topics it has just created; refresh their leaders often
        props.put(ProducerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }
}

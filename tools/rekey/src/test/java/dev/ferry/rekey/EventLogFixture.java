package dev.ferry.rekey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventCodec;
import dev.ferry.events.FerryEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.command.ApprovePlan;
import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.AppWebhook;
import dev.ferry.events.inventory.ConfigVar;
import dev.ferry.events.inventory.DiscoveryStarted;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.inventory.HerokuAccount;
import dev.ferry.events.inventory.LogDrain;
import dev.ferry.events.inventory.ProcessType;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.notification.SubscriptionSaved;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.secret.SealedSecret;
import dev.ferry.events.secret.SecretBox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Real Ferry events with secrets sealed under k1 (and a few under k2), on the five topics as Ferry
 * creates them (partitions and configs from {@code Topics}), optionally under a name prefix so tests
 * can share one broker.
 */
final class EventLogFixture {
    static final String K1 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String K2 = "HxweHRwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgE=";
    static final String WRONG = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
    static final SecretBox BOX_K1 = SecretBox.of("k1", K1);
    static final SecretBox BOX_K2 = SecretBox.of("k2", K2);
    static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

    /** The environment of a run that re-keys from k1 to k2. */
    static final Map<String, String> ENV_K1_TO_K2 =
            Map.of("FERRY_SECRETS_KEY", K1, "FERRY_SECRETS_KEYS_K2", K2, "FERRY_SECRETS_KEY_ID", "k2");

    final String bootstrap;
    final String prefix;
    final List<String> plaintexts = new ArrayList<>();

    EventLogFixture(String bootstrap, String prefix) {
        this.bootstrap = bootstrap;
        this.prefix = prefix;
    }

    List<String> topics() {
        return Topics.ALL.stream().map(t -> prefix + t.name()).toList();
    }

    String arg() {
        return String.join(",", topics());
    }

    /** Creates the five topics and appends {@code aggregates} estates, plans, migrations, commands and subscriptions. */
    EventLogFixture seed(int aggregates) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<NewTopic> topics = Topics.ALL.stream()
                    .map(t -> new NewTopic(prefix + t.name(), t.partitions(), (short) 1).configs(t.config()))
                    .toList();
            admin.createTopics(topics).all().get();
            awaitLeaders(admin, topics.stream().map(NewTopic::name).toList());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < aggregates; i++) {
                for (FerryEvent event : events(i)) {
                    CloudEvent ce = CloudEvent.of("e-" + i + "-" + Math.abs(event.hashCode()), "/ferry/test", event, T);
                    ProducerRecord<String, String> r = EventCodec.toRecord(ce);
                    sent.add(producer.send(
                            new ProducerRecord<>(prefix + r.topic(), null, r.key(), r.value(), r.headers())));
                }
                if (sent.size() > 10_000) {
                    awaitAll(sent);
                }
            }
            producer.flush();
            awaitAll(sent);
        }
        return this;
    }

    /** A producer that meets a fresh partition before its leader is known may sit on the batch until it expires. */
    private static void awaitLeaders(Admin admin, List<String> topics) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            boolean ready;
            try {
                ready = admin.describeTopics(topics).allTopicNames().get().values().stream()
                        .flatMap(d -> d.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                }
                ready = false; // created, but the broker's metadata does not show it yet
            }
            if (ready || System.currentTimeMillis() > deadline) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** Every seeded record must be acknowledged: a lost one would make the counts below wrong. */
    private static void awaitAll(List<java.util.concurrent.Future<?>> sent) {
        try {
            for (java.util.concurrent.Future<?> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Seeding failed", e);
        }
        sent.clear();
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        // a busy build machine can keep a fresh topic's leaders away for a while; wait rather than drop
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
        props.put(ProducerConfig.METADATA_MAX_AGE_CONFIG, 1_000);
        // no request times out (and is retried, which a loaded broker can see as out of order) before delivery does
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 300_000);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return new KafkaProducer<>(props);
    }

    private SealedSecret seal(SecretBox box, String plaintext) {
        plaintexts.add(plaintext);
        return box.seal(plaintext);
    }

    private List<FerryEvent> events(int i) {
        String app = "shop-" + i;
        AppInventory inventory = new AppInventory(
                "0000-" + i,
                app,
                "us",
                "heroku-24",
                List.of(new ProcessType("web", "bundle exec puma", 2, "standard-1x")),
                List.of(
                        new ConfigVar("SECRET_KEY_BASE", seal(BOX_K1, "FAKE-key-base-" + i + "-plaintext")),
                        new ConfigVar("DATABASE_URL", seal(BOX_K1, "postgres://u:FAKE-pw-" + i + "@db/x"))),
                List.of(new AddOn(
                        "a" + i,
                        "pg-" + i,
                        "heroku-postgresql",
                        "heroku-postgresql:standard-0",
                        List.of("DATABASE_URL"))));
        AppInventory full = new AppInventory(
                inventory.id() + "-full",
                app + "-staging",
                "us",
                "heroku-24",
                List.of(new ProcessType("web", "bundle exec puma", 1, "standard-1x")),
                List.of(new ConfigVar("STRIPE_KEY", seal(BOX_K1, "sk_FAKE_stripe_" + i))),
                List.of(),
                null,
                "cedar",
                List.of("heroku/ruby"),
                Map.of("web", "bundle exec puma"),
                List.of(),
                List.of(),
                List.of(new LogDrain("l" + i, "logs.example", seal(BOX_K1, "syslog+tls://FAKE-drain-" + i), null)),
                List.of(),
                List.of(new AppWebhook(
                        "w" + i,
                        "hooks.example",
                        seal(BOX_K1, "https://hooks.example/FAKE-" + i),
                        List.of("api:release"),
                        "notify")),
                List.of(),
                null,
                null,
                null,
                false,
                false);
        PlanStep step = new PlanStep(
                "configure:" + app,
                "configure-app",
                "Set configuration of " + app,
                "Config vars carry over as environment variables",
                List.of("app:" + app),
                Map.of("app", app),
                Map.of("SECRET_KEY_BASE", seal(BOX_K1, "FAKE-key-base-" + i + "-plaintext")));
        return List.of(
                new DiscoveryStarted("d" + i, "apps", List.of(app), "alice", T),
                new EstateDiscovered(
                        "d" + i,
                        new HerokuAccount("acc1", "platform@acme.example"),
                        List.of(inventory, full),
                        T,
                        "alice"),
                new PlanProposed("p" + i, 1, "d" + i, "acme-production", "alice", List.of(step), T),
                new PlanApproved("p" + i, 1, "bob", "looks right", T),
                new ApprovePlan("p" + i, 1, "bob", "rest", null, T),
                new MigrationStarted("m" + i, "p" + i, 1, "acme-production", List.of(step.id()), T),
                new StepSucceeded("m" + i, step.id(), step.type(), "Configured " + app, Map.of(), 120, T),
                new SubscriptionSaved(
                        "s" + i,
                        "team " + i,
                        List.of("acme-production"),
                        List.of(app),
                        List.of(),
                        List.of("plan-proposed"),
                        "bot",
                        "#migrations",
                        null,
                        // already under the new key: the re-key leaves it as it is
                        seal(BOX_K2, "xoxb-FAKE-token-" + i),
                        seal(BOX_K1, "FAKE-signing-secret-" + i),
                        List.of(),
                        "alice",
                        T));
    }

    /** One record as stored: where, key, headers, timestamp and value. */
    record Stored(int partition, long offset, String key, List<String> headers, long timestamp, String text) {}

    /** Every record of a topic by partition, from the beginning to its current end. */
    List<List<Stored>> read(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        List<List<Stored>> partitions = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            int n = consumer.partitionsFor(topic, Duration.ofSeconds(30)).size();
            for (int p = 0; p < n; p++) {
                TopicPartition tp = new TopicPartition(topic, p);
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                long end = consumer.endOffsets(List.of(tp)).get(tp);
                List<Stored> records = new ArrayList<>();
                while (consumer.position(tp) < end) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        List<String> headers = new ArrayList<>();
                        for (Header h : r.headers()) {
                            headers.add(h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8));
                        }
                        records.add(new Stored(
                                r.partition(),
                                r.offset(),
                                r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                                headers,
                                r.timestamp(),
                                r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8)));
                    }
                }
                partitions.add(records);
            }
        }
        return partitions;
    }

    /**
     * The JSON of a value with every sealed value replaced by its plaintext and fingerprint, opened with
     * whichever box holds its key: two values are the same events exactly when these trees are equal.
     */
    static JsonNode opened(String json, SecretBox box) throws Exception {
        JsonNode tree = EventCodec.mapper().readTree(json);
        return open(tree, box);
    }

    private static JsonNode open(JsonNode node, SecretBox box) {
        if (node.isObject()) {
            if (node.size() == 3 && node.has("keyId") && node.has("ciphertext") && node.has("fingerprint")) {
                SealedSecret s = new SealedSecret(
                        node.get("keyId").asText(),
                        node.get("ciphertext").asText(),
                        node.get("fingerprint").asText());
                ObjectNode plain = EventCodec.mapper().createObjectNode();
                plain.put("plaintext", box.open(s));
                plain.put("fingerprint", s.fingerprint());
                return plain;
            }
            ObjectNode copy = EventCodec.mapper().createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                copy.set(f.getKey(), open(f.getValue(), box));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = EventCodec.mapper().createArrayNode();
            node.forEach(n -> copy.add(open(n, box)));
            return copy;
        }
        return node.isTextual() ? TextNode.valueOf(node.asText()) : node;
    }

    /** The key ids of every sealed value in a JSON document. */
    static List<String> keyIds(String json) throws Exception {
        List<String> ids = new ArrayList<>();
        collect(EventCodec.mapper().readTree(json), ids);
        return ids;
    }

    private static void collect(JsonNode node, List<String> ids) {
        if (node.isObject() && node.has("keyId") && node.has("ciphertext")) {
            ids.add(node.get("keyId").asText());
        }
        node.forEach(n -> collect(n, ids));
    }
}

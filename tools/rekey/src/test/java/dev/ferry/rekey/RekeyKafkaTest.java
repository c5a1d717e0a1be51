package dev.ferry.rekey;

import static dev.ferry.rekey.EventLogFixture.BOX_K2;
import static dev.ferry.rekey.EventLogFixture.ENV_K1_TO_K2;
import static dev.ferry.rekey.EventLogFixture.K1;
import static dev.ferry.rekey.EventLogFixture.K2;
import static dev.ferry.rekey.EventLogFixture.WRONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventCodec;
import dev.ferry.events.FerryEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.notification.SubscriptionSaved;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.rekey.EventLogFixture.Stored;
import dev.ferry.rekey.kafka.TopicState;
import dev.ferry.testkit.LocalKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The re-key against a real broker: the full run, dry run, crashes at every step, wrong keys, running services. */
class RekeyKafkaTest {
    private static LocalKafka kafka;

    @BeforeAll
    static void start() {
        kafka = LocalKafka.start(Path.of("target", "kafka"));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    /** A run's exit status and everything it printed. */
    record Run(int status, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run run(Map<String, String> env, Rekeyer.Checkpoints checkpoints, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = RekeyMain.run(args, env, o, e, checkpoints);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(Map<String, String> env, String... args) {
        return run(env, Rekeyer.Checkpoints.NONE, args);
    }

    private static String[] args(EventLogFixture log, String... more) {
        List<String> all = new ArrayList<>(List.of("--bootstrap", kafka.bootstrapServers(), "--topics", log.arg()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void reKeysEveryFerryTopicAndKeepsEverythingElse() throws Exception {
        EventLogFixture log = new EventLogFixture(kafka.bootstrapServers(), "").seed(12);
        Map<String, List<List<Stored>>> before = snapshot(log);
        Map<String, Map<String, String>> configsBefore = configs(log.topics());
        commitGroupOffset("ferry-planner-projection", Topics.PLANS, 0, 3);

        Run dry = run(ENV_K1_TO_K2, "--bootstrap", kafka.bootstrapServers(), "--dry-run");
        assertThat(dry.status()).as(dry.all()).isZero();
        assertThat(dry.out()).contains("ferry.inventory: ", "{k1=60}", "{k1=12, k2=12}", "Dry run: 84 sealed values");
        assertThat(snapshot(log)).as("a dry run changes nothing").isEqualTo(before);
        assertThat(topics()).doesNotContain(TopicState.stagingName(Topics.PLANS));

        Run commit = run(ENV_K1_TO_K2, "--bootstrap", kafka.bootstrapServers(), "--commit");
        assertThat(commit.status()).as(commit.all()).isZero();
        assertThat(commit.out()).contains("records/s", "ferry.migrations: nothing sealed with an old key");

        Map<String, List<List<Stored>>> after = snapshot(log);
        assertReSealed(before, after);
        assertThat(configs(log.topics()))
                .as("configs as before (retention.ms=-1, max.message.bytes, ...)")
                .isEqualTo(configsBefore);
        assertThat(configsBefore.get(Topics.INVENTORY))
                .containsEntry("retention.ms", "-1")
                .containsEntry("max.message.bytes", Integer.toString(Topics.INVENTORY_MAX_MESSAGE_BYTES));
        assertThat(topics())
                .doesNotContainAnyElementsOf(
                        log.topics().stream().map(TopicState::stagingName).toList());
        assertThat(groupOffset("ferry-planner-projection", Topics.PLANS, 0))
                .as("consumers resume where they were")
                .isEqualTo(3L);

        // the services' own decoding reads the re-sealed events, with k2 alone
        for (List<Stored> partition : after.get(Topics.NOTIFICATIONS)) {
            for (Stored r : partition) {
                SubscriptionSaved s = (SubscriptionSaved) decode(r);
                assertThat(s.signingSecret().keyId()).isEqualTo("k2");
                assertThat(BOX_K2.open(s.signingSecret())).startsWith("FAKE-signing-secret-");
            }
        }
        long estates = after.get(Topics.INVENTORY).stream()
                .flatMap(List::stream)
                .map(RekeyKafkaTest::decode)
                .filter(EstateDiscovered.class::isInstance)
                .count();
        assertThat(estates).isEqualTo(12);

        assertNoSecretIn(log, dry.all() + commit.all());

        Run again = run(ENV_K1_TO_K2, "--bootstrap", kafka.bootstrapServers(), "--commit");
        assertThat(again.status()).as(again.all()).isZero();
        assertThat(again.out()).contains("ferry.plans: nothing sealed with an old key, left as it is");
        assertThat(snapshot(log)).as("a second run changes nothing").isEqualTo(after);
    }

    @Test
    void stagingAloneLeavesTheOriginalsAndCommitLaterUsesTheVerifiedCopy() throws Exception {
        EventLogFixture log = new EventLogFixture(kafka.bootstrapServers(), "staged.").seed(5);
        Map<String, List<List<Stored>>> before = snapshot(log);

        Run stage = run(ENV_K1_TO_K2, args(log));
        assertThat(stage.status()).as(stage.all()).isZero();
        assertThat(stage.out()).contains("Run again with --commit");
        assertThat(snapshot(log)).as("originals untouched").isEqualTo(before);
        assertThat(topics()).contains("staged.ferry.plans.rekey-staging");

        Run dry = run(ENV_K1_TO_K2, args(log, "--dry-run"));
        assertThat(dry.out()).contains("staged with k2, waiting for --commit");

        Run commit = run(ENV_K1_TO_K2, args(log, "--commit"));
        assertThat(commit.status()).as(commit.all()).isZero();
        assertThat(commit.out()).contains("staged.ferry.plans: already staged and verified");
        assertReSealed(before, snapshot(log));
    }

    @Test
    void aCrashAtAnyStepOfTheReplacementResumes() throws Exception {
        for (String point : List.of("committing", "deleted", "recreated", "copied-back")) {
            EventLogFixture log = new EventLogFixture(kafka.bootstrapServers(), "crash-" + point + ".").seed(4);
            Map<String, List<List<Stored>>> before = snapshot(log);
            String plans = log.prefix + Topics.PLANS;
            assertThatThrownBy(() -> run(ENV_K1_TO_K2, crashAt(point, plans), args(log, "--commit")))
                    .isInstanceOf(RekeyMain.CrashForTests.class);

            Run refused = run(ENV_K1_TO_K2, args(log));
            assertThat(refused.status())
                    .as("staging alone refuses to touch a half-replaced topic")
                    .isEqualTo(RekeyMain.FAILED);
            assertThat(refused.err()).contains("rerun with --commit");
            Run resumed = run(ENV_K1_TO_K2, args(log, "--commit"));
            assertThat(resumed.status()).as(point + ": " + resumed.all()).isZero();
            assertThat(resumed.out()).contains(plans + ": finishing the interrupted replacement");
            assertReSealed(before, snapshot(log));
        }
    }

    @Test
    void aPartialCopyBackContinuesWhereItStopped() throws Exception {
        EventLogFixture log = new EventLogFixture(kafka.bootstrapServers(), "partial.").seed(6);
        Map<String, List<List<Stored>>> before = snapshot(log);
        String plans = log.prefix + Topics.PLANS;
        assertThatThrownBy(() -> run(ENV_K1_TO_K2, crashAt("recreated", plans), args(log, "--commit")))
                .isInstanceOf(RekeyMain.CrashForTests.class);
        // act out a copy back that died after two records of partition 0
        List<List<Stored>> partitions = log.read(TopicState.stagingName(plans));
        int fullest = 0;
        for (int p = 1; p < partitions.size(); p++) {
            fullest = partitions.get(p).size() > partitions.get(fullest).size() ? p : fullest;
        }
        List<Stored> staged = partitions.get(fullest);
        assertThat(staged).hasSizeGreaterThan(2);
        try (KafkaProducer<byte[], byte[]> producer = bytesProducer()) {
            for (Stored r : staged.subList(0, 2)) {
                producer.send(new ProducerRecord<>(
                                plans,
                                r.partition(),
                                r.timestamp(),
                                r.key().getBytes(StandardCharsets.UTF_8),
                                r.text().getBytes(StandardCharsets.UTF_8),
                                headers(r)))
                        .get();
            }
        }
        Run resumed = run(ENV_K1_TO_K2, args(log, "--commit"));
        assertThat(resumed.status()).as(resumed.all()).isZero();
        assertReSealed(before, snapshot(log));
    }

    @Test
    void aCrashWhileStagingRestartsTheStagingAndNeverTouchesTheOriginal() throws Exception {
        EventLogFixture log = new EventLogFixture(kafka.bootstrapServers(), "stagecrash.").seed(4);
        Map<String, List<List<Stored>>> before = snapshot(log);
        String inventory = log.prefix + Topics.INVENTORY;
        assertThatThrownBy(() -> run(ENV_K1_TO_K2, crashAt("copied", inventory), args(log, "--commit")))
                .isInstanceOf(RekeyMain.CrashForTests.class);
        assertThat(snapshot(log)).isEqualTo(before);

        Run dry = run(ENV_K1_TO_K2, args(log, "--dry-run"));
        assertThat(dry.out()).contains("a staging copy was interrupted");
        Run resumed = run(ENV_K1_TO_K2, args(log, "--commit"));
        assertThat(resumed.status()).as(resumed.all()).isZero();
        assertThat(resumed.out()).contains(inventory + ": deleting the unfinished staging copy");
        assertReSealed(before, snapshot(log));
    }

    @Test
    void aWrongOrMissingOldKeyFailsNamingItAndChangesNothing() throws Exception {
        EventLogFixture log = new EventLogFixture(kafka.bootstrapServers(), "wrong.").seed(3);
        Map<String, List<List<Stored>>> before = snapshot(log);
        Set<String> topicsBefore = topics();

        Run wrong = run(
                Map.of("FERRY_SECRETS_KEY", WRONG, "FERRY_SECRETS_KEYS_K2", K2, "FERRY_SECRETS_KEY_ID", "k2"),
                args(log, "--commit"));
        assertThat(wrong.status()).isEqualTo(RekeyMain.FAILED);
        assertThat(wrong.err()).contains("sealed with key k1 cannot be opened", "wrong.ferry.inventory");

        Run missing = run(Map.of("FERRY_SECRETS_KEYS_K2", K2, "FERRY_SECRETS_KEY_ID", "k2"), args(log, "--commit"));
        assertThat(missing.status()).isEqualTo(RekeyMain.FAILED);
        assertThat(missing.err()).contains("key id k1, which is not configured (set FERRY_SECRETS_KEY");

        Run noActive = run(Map.of("FERRY_SECRETS_KEY", K1, "FERRY_SECRETS_KEY_ID", "k3"), args(log, "--commit"));
        assertThat(noActive.status()).isEqualTo(RekeyMain.FAILED);
        assertThat(noActive.err()).contains("active key id k3 (set FERRY_SECRETS_KEYS_K3)");

        Run badKey = run(
                Map.of("FERRY_SECRETS_KEY", K1, "FERRY_SECRETS_KEYS_K2", "not-a-key", "FERRY_SECRETS_KEY_ID", "k2"),
                args(log, "--commit"));
        assertThat(badKey.status()).isEqualTo(RekeyMain.FAILED);
        assertThat(badKey.err()).contains("Key k2").doesNotContain("not-a-key");

        assertThat(snapshot(log)).as("nothing changed").isEqualTo(before);
        assertThat(topics()).isEqualTo(topicsBefore);
        for (Run r : List.of(wrong, missing, noActive, badKey)) {
            assertThat(r.all()).doesNotContain(K1, K2, WRONG);
        }
    }

    @Test
    void runningServicesStopTheRun() throws Exception {
        EventLogFixture log = new EventLogFixture(kafka.bootstrapServers(), "running.").seed(2);
        Map<String, List<List<Stored>>> before = snapshot(log);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "ferry-executor-plans-running");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> service = new KafkaConsumer<>(props)) {
            service.subscribe(List.of(log.prefix + Topics.PLANS));
            long deadline = System.currentTimeMillis() + 30_000;
            while (service.assignment().isEmpty() && System.currentTimeMillis() < deadline) {
                service.poll(Duration.ofMillis(200));
            }
            Run refused = run(ENV_K1_TO_K2, args(log, "--commit"));
            assertThat(refused.status()).isEqualTo(RekeyMain.FAILED);
            assertThat(refused.err()).contains("Stop every Ferry service first", "ferry-executor-plans-running");
        }
        assertThat(snapshot(log)).isEqualTo(before);
    }

    @Test
    void theCommandLineNeverTakesKeysAndTheMainReadsTheEnvironment() throws Exception {
        EventLogFixture log = new EventLogFixture(kafka.bootstrapServers(), "process.").seed(2);
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        RekeyMain.class.getName(),
                        "--dry-run",
                        "--topics",
                        log.arg())
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("FERRY_") || k.equals("KAFKA_BOOTSTRAP"));
        pb.environment().putAll(ENV_K1_TO_K2);
        pb.environment().put("KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("process.ferry.plans: ", "{k1=2}", "Dry run: 14 sealed values would be re-sealed");
        assertNoSecretIn(log, output);

        Run usage = run(ENV_K1_TO_K2, "--key", K1);
        assertThat(usage.status()).isEqualTo(RekeyMain.USAGE);
        assertThat(usage.err()).contains("Unknown argument --key");
        Run pasted = run(ENV_K1_TO_K2, "--bootstrap", "x:1", K1);
        assertThat(pasted.err()).contains("Unknown argument (44 characters)").doesNotContain(K1);
    }

    private static Rekeyer.Checkpoints crashAt(String point, String topic) {
        return (reached, at) -> {
            if (reached.equals(point) && at.equals(topic)) {
                throw new RekeyMain.CrashForTests("crash at " + point + " of " + topic);
            }
        };
    }

    /**
     * Every record is where it was, in order, with its key, headers and timestamp; every sealed value
     * is under k2, opens with k2 alone to the plaintext it had, with its fingerprint; nothing else in
     * the JSON changed.
     */
    private static void assertReSealed(Map<String, List<List<Stored>>> before, Map<String, List<List<Stored>>> after)
            throws Exception {
        SecretBox both = new SecretBox("k2", Map.of("k1", K1, "k2", K2));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        int resealed = 0;
        for (String topic : before.keySet()) {
            List<List<Stored>> b = before.get(topic);
            List<List<Stored>> a = after.get(topic);
            assertThat(a).as(topic + " partitions").hasSameSizeAs(b);
            for (int p = 0; p < b.size(); p++) {
                assertThat(a.get(p)).as(topic + "/" + p + " records").hasSameSizeAs(b.get(p));
                for (int i = 0; i < b.get(p).size(); i++) {
                    Stored x = b.get(p).get(i);
                    Stored y = a.get(p).get(i);
                    String where = topic + "/" + p + "#" + i;
                    assertThat(y.key()).as(where).isEqualTo(x.key());
                    assertThat(y.headers()).as(where).isEqualTo(x.headers());
                    assertThat(y.timestamp()).as(where).isEqualTo(x.timestamp());
                    assertThat(EventLogFixture.keyIds(y.text())).as(where).allMatch("k2"::equals);
                    assertThat(EventLogFixture.opened(y.text(), BOX_K2))
                            .as(where)
                            .isEqualTo(EventLogFixture.opened(x.text(), both));
                    resealed += (int) EventLogFixture.keyIds(x.text()).stream()
                            .filter("k1"::equals)
                            .count();
                    if (!EventLogFixture.keyIds(x.text()).contains("k1")) {
                        assertThat(y.text())
                                .as(where + " has nothing to re-seal: same bytes")
                                .isEqualTo(x.text());
                    }
                }
            }
        }
        assertThat(resealed).isPositive();
    }

    private static void assertNoSecretIn(EventLogFixture log, String output) {
        assertThat(log.plaintexts).isNotEmpty();
        for (String plaintext : log.plaintexts) {
            assertThat(output).doesNotContain(plaintext);
        }
        assertThat(output).doesNotContain(K1, K2, "FAKE");
    }

    private static Map<String, List<List<Stored>>> snapshot(EventLogFixture log) {
        Map<String, List<List<Stored>>> all = new java.util.TreeMap<>();
        for (String topic : log.topics()) {
            all.put(topic, normalise(log.read(topic)));
        }
        return all;
    }

    /** Stored records compare by content (arrays inside records compare by identity otherwise). */
    private static List<List<Stored>> normalise(List<List<Stored>> partitions) {
        return partitions;
    }

    private static RecordHeaders headers(Stored r) {
        RecordHeaders headers = new RecordHeaders();
        for (String h : r.headers()) {
            int eq = h.indexOf('=');
            headers.add(h.substring(0, eq), h.substring(eq + 1).getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** Reads a record as the services do. */
    private static FerryEvent decode(Stored r) {
        return EventCodec.decode(headers(r), r.text()).map(CloudEvent::data).orElseThrow();
    }

    private static Set<String> topics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            return new TreeSet<>(admin.listTopics().names().get());
        }
    }

    private static Map<String, Map<String, String>> configs(List<String> topics) throws Exception {
        Map<String, Map<String, String>> result = new HashMap<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            for (String topic : topics) {
                ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(res)).all().get().get(res);
                Map<String, String> explicit = new java.util.TreeMap<>();
                for (ConfigEntry e : config.entries()) {
                    if (e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                        explicit.put(e.name(), e.value());
                    }
                }
                int partitions = admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get()
                        .get(topic)
                        .partitions()
                        .size();
                explicit.put("(partitions)", Integer.toString(partitions));
                result.put(topic, explicit);
            }
        }
        return result;
    }

    private static void commitGroupOffset(String group, String topic, int partition, long offset) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.alterConsumerGroupOffsets(
                            group, Map.of(new TopicPartition(topic, partition), new OffsetAndMetadata(offset)))
                    .all()
                    .get();
        }
    }

    private static Long groupOffset(String group, String topic, int partition) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            OffsetAndMetadata o = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(new TopicPartition(topic, partition));
            return o == null ? null : o.offset();
        }
    }

    private static KafkaProducer<byte[], byte[]> bytesProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }
}

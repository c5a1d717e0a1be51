package dev.ferry.testkit;

import dev.ferry.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node KRaft broker inside the test JVM, on an ephemeral port, gone when the JVM
 * ends.
 */
public final class LocalKafka implements AutoCloseable {
    /** The client of {@link #startTls(Path)}; its principal is {@code User:CN=ferry-test-client}. */
    public static final String TEST_CLIENT = "ferry-test-client";

    private final KafkaClusterTestKit cluster;
    private final Map<String, String> clientSettings;
    private Map<String, String> superUser;
    private final Map<String, Map<String, String>> clients = new HashMap<>();

    private LocalKafka(KafkaClusterTestKit cluster, Map<String, String> clientSettings) {
        this.cluster = cluster;
        this.clientSettings = clientSettings;
    }

    /** Formats and starts a broker under {@code baseDir}, and waits until it accepts clients. */
    public static LocalKafka start(Path baseDir) {
        try {
            Files.createDirectories(baseDir);
            Path dir = Files.createTempDirectory(baseDir, "kafka-");
            return start(new KafkaClusterTestKit.Builder(nodes(dir).build()), Map.of());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the in-process Kafka broker: " + e.getMessage(), e);
        }
    }

    /**
     * A broker whose client listener wants SASL (PLAIN, user {@code plain-admin}, as Kafka's test kit
     * sets it up); {@link #clientSettings()} carries the credentials.
     */
    public static LocalKafka startSasl(Path baseDir) {
        try {
            Files.createDirectories(baseDir);
            Path dir = Files.createTempDirectory(baseDir, "kafka-sasl-");
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes(dir)
                    .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                    .setControllerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                    .build());
            return start(
                    builder,
                    Map.of(
                            "security.protocol",
                            "SASL_PLAINTEXT",
                            "sasl.mechanism",
                            "PLAIN",
                            "sasl.jaas.config",
                            "org.apache.kafka.common.security.plain.PlainLoginModule required"
                                    + " username=\"plain-admin\" password=\"plain-admin-secret\";"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the in-process SASL Kafka broker: " + e.getMessage(), e);
        }
    }

    /**
     * A broker whose client listener speaks TLS only and wants a client certificate (mutual TLS, as
     * Strimzi's {@code tls} listener with {@code authentication: tls}); {@link #clientSettings()}
     * carries the trust store (PEM, like Strimzi's cluster CA) and the client's PKCS12 key store.
     * Kafka's test kit has no TLS option, so the listener's protocol and stores are set here.
     */
    public static LocalKafka startTls(Path baseDir) {
        return startTls(baseDir, false, List.of(TEST_CLIENT));
    }

    /**
     * As {@link #startTls(Path)}, with a certificate for each named client ({@link
     * #clientSettings(String)}; the first is {@link #clientSettings()}), whose principal is {@code
     * User:CN=<name>}. With {@code authorize} the broker also enforces ACLs (Strimzi's {@code simple}
     * authorization): clients may do only what {@link #grant} allows them, and {@link
     * #superUserSettings()} (and {@link #admin()}) connect as the broker itself.
     */
    public static LocalKafka startTls(Path baseDir, boolean authorize, List<String> clients) {
        try {
            Files.createDirectories(baseDir);
            Path dir = Files.createTempDirectory(baseDir, "kafka-tls-");
            TestCertificates certs = TestCertificates.create(dir.resolve("certs"), clients);
            TestKitNodes nodes = nodes(dir).build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp(
                            "listener.security.protocol.map",
                            nodes.brokerListenerName().value() + ":SSL,"
                                    + nodes.controllerListenerName().value() + ":PLAINTEXT")
                    .setConfigProp("ssl.client.auth", "required")
                    .setConfigProp("ssl.keystore.type", "PKCS12")
                    .setConfigProp(
                            "ssl.keystore.location", certs.brokerKeyStore().toString())
                    .setConfigProp("ssl.keystore.password", certs.password())
                    .setConfigProp("ssl.truststore.type", "PEM")
                    .setConfigProp(
                            "ssl.truststore.location", certs.brokerTrusts().toString());
            if (authorize) {
                // the broker (its own certificate) and the plain-text controller listener are trusted
                builder.setConfigProp(
                                "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                        .setConfigProp("super.users", "User:CN=localhost;User:ANONYMOUS")
                        .setConfigProp("allow.everyone.if.no.acl.found", "false");
            }
            LocalKafka kafka =
                    start(builder, tlsClient(certs, certs.clientKeyStores().get(clients.get(0))));
            kafka.superUser = tlsClient(certs, certs.brokerKeyStore());
            for (String client : clients) {
                kafka.clients.put(
                        client, tlsClient(certs, certs.clientKeyStores().get(client)));
            }
            return kafka;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the in-process TLS Kafka broker: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> tlsClient(TestCertificates certs, Path keyStore) {
        return Map.of(
                "security.protocol",
                "SSL",
                "ssl.truststore.type",
                "PEM",
                "ssl.truststore.location",
                certs.brokerCertificate().toString(),
                "ssl.keystore.type",
                "PKCS12",
                "ssl.keystore.location",
                keyStore.toString(),
                "ssl.keystore.password",
                certs.password());
    }

    /** The settings of a named client of a TLS broker, which connect with its own certificate. */
    public Map<String, String> clientSettings(String client) {
        Map<String, String> settings = clients.get(client);
        if (settings == null) {
            throw new IllegalArgumentException("No client certificate named " + client + "; have " + clients.keySet());
        }
        return settings;
    }

    /** An admin client connected as the super user; the caller closes it. */
    public Admin admin() {
        Map<String, Object> settings = new HashMap<>(superUserSettings());
        settings.put("bootstrap.servers", bootstrapServers());
        return Admin.create(settings);
    }

    /**
     * Creates the event log's missing topics with their settings and one replica, as Strimzi would
     * from k8s/base/kafka/topics.yaml before any service starts.
     */
    public void createTopics() {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.config()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the event log's topics: " + e.getMessage(), e);
        }
    }

    /** Grants {@code User:CN=<client>} the ACLs of the {@code KafkaUser} named {@code kafkaUser} in {@code kafkaUsers}. */
    public void grant(Path kafkaUsers, String kafkaUser, String client) {
        try (Admin admin = admin()) {
            admin.createAcls(StrimziAcls.of(kafkaUsers, kafkaUser, "User:CN=" + client))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Cannot grant " + client + " the ACLs of " + kafkaUser + ": " + e.getMessage(), e);
        }
    }

    private static TestKitNodes.Builder nodes(Path dir) {
        return new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(dir)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction());
    }

    private static LocalKafka start(KafkaClusterTestKit.Builder builder, Map<String, String> clientSettings) {
        try {
            KafkaClusterTestKit cluster = builder.setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new LocalKafka(cluster, clientSettings);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the in-process Kafka broker: " + e.getMessage(), e);
        }
    }

    /** What a client needs besides the bootstrap servers: empty for plain text, credentials and stores otherwise. */
    public Map<String, String> clientSettings() {
        return clientSettings;
    }

    /** Settings that connect as a super user: the client's own on a broker that does not authorize. */
    public Map<String, String> superUserSettings() {
        return superUser == null ? clientSettings : superUser;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the in-process Kafka broker", e);
        }
    }
}

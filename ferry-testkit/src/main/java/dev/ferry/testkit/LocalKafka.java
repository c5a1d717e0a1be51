package dev.ferry.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node KRaft broker inside the test JVM, on an ephemeral port, gone when the JVM
 * ends.
 */
public final class LocalKafka implements AutoCloseable {
    /** The principal of {@link #clientSettings()} on a TLS broker: the client certificate's subject. */
    public static final String CLIENT_PRINCIPAL = "User:CN=ferry-test-client";

    private final KafkaClusterTestKit cluster;
    private final Map<String, String> clientSettings;
    private Map<String, String> superUser;

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
        return startTls(baseDir, false);
    }

    /**
     * As {@link #startTls(Path)}; with {@code authorize}, the broker also enforces ACLs (Strimzi's
     * {@code simple} authorization): the client, {@link #CLIENT_PRINCIPAL}, may do only what ACLs
     * grant it, and {@link #superUserSettings()} connect as the broker itself to grant them.
     */
    public static LocalKafka startTls(Path baseDir, boolean authorize) {
        try {
            Files.createDirectories(baseDir);
            Path dir = Files.createTempDirectory(baseDir, "kafka-tls-");
            TestCertificates certs = TestCertificates.create(dir.resolve("certs"));
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
            LocalKafka kafka = start(builder, tlsClient(certs, certs.clientKeyStore()));
            kafka.superUser = tlsClient(certs, certs.brokerKeyStore());
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

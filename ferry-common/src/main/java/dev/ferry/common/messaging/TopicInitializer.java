package dev.ferry.common.messaging;

import dev.ferry.common.config.FerryConfig;
import dev.ferry.events.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.jboss.logging.Logger;

/** Creates the event log's topics with their settings, because the broker must not invent them. */
@ApplicationScoped
public class TopicInitializer {
    private static final Logger LOG = Logger.getLogger(TopicInitializer.class);
    private static final String MAX_MESSAGE_BYTES = "max.message.bytes";

    private final FerryConfig config;
    private final KafkaClients clients;

    public TopicInitializer(FerryConfig config, KafkaClients clients) {
        this.config = config;
        this.clients = clients;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.topics().create()) {
            ensureTopics();
        }
    }

    /**
     * Creates any missing topic, and raises the record size limit of an existing topic that an older
     * Ferry created with a smaller one; nothing else of an existing topic is changed.
     */
    public void ensureTopics() {
        try (Admin admin = Admin.create(clients.admin())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(
                                    spec.name(),
                                    Optional.of(spec.partitions()),
                                    Optional.of(config.topics().replicationFactor()))
                            .configs(spec.config()))
                    .toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw e;
                    }
                }
                LOG.infof(
                        "Created topics %s",
                        missing.stream().map(NewTopic::name).toList());
            }
            raiseMaxMessageBytes(admin, existing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Cannot create the event log topics on "
                            + clients.admin().get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + e.getMessage(),
                    e);
        }
    }

    private static void raiseMaxMessageBytes(Admin admin, Set<String> existing) throws Exception {
        Map<ConfigResource, String> wanted = new HashMap<>();
        for (Topics.TopicSpec spec : Topics.ALL) {
            String limit = spec.config().get(MAX_MESSAGE_BYTES);
            if (limit != null && existing.contains(spec.name())) {
                wanted.put(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()), limit);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        // One request describes every topic concerned.
        Map<ConfigResource, Config> current =
                admin.describeConfigs(wanted.keySet()).all().get(30, TimeUnit.SECONDS);
        Map<ConfigResource, Collection<AlterConfigOp>> raise = new HashMap<>();
        wanted.forEach((topic, limit) -> {
            ConfigEntry entry = current.get(topic).get(MAX_MESSAGE_BYTES);
            if (entry == null || Long.parseLong(entry.value()) < Long.parseLong(limit)) {
                raise.put(
                        topic,
                        List.of(new AlterConfigOp(
                                new ConfigEntry(MAX_MESSAGE_BYTES, limit), AlterConfigOp.OpType.SET)));
            }
        });
        if (!raise.isEmpty()) {
            admin.incrementalAlterConfigs(raise).all().get(30, TimeUnit.SECONDS);
            LOG.infof(
                    "Raised %s of topics %s",
                    MAX_MESSAGE_BYTES,
                    raise.keySet().stream().map(ConfigResource::name).toList());
        }
    }
}

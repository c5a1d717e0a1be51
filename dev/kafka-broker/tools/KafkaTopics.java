import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * A minimal {@code kafka-topics} for the local dev broker (the {@code kafka-tools} jar, which holds
 * {@code TopicCommand}, is not on the broker's classpath). Compiled and run by {@code bin/kafka.sh
 * topics} against {@code dev/kafka-broker/target/lib}.
 *
 * <pre>
 * KafkaTopics BOOTSTRAP list                      topic names with partition counts
 * KafkaTopics BOOTSTRAP create NAME [PARTITIONS]  idempotent, replication factor 1
 * KafkaTopics BOOTSTRAP delete NAME               idempotent
 * </pre>
 */
public final class KafkaTopics {
    private static final long TIMEOUT_SECONDS = 30;

    private KafkaTopics() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        String bootstrap = args[0];
        String command = args[1];
        Map<String, Object> config =
                Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        AdminClientConfig.CLIENT_ID_CONFIG, "ferry-kafka-topics",
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 25_000);
        try (Admin admin = Admin.create(config)) {
            switch (command) {
                case "list" -> list(admin);
                case "create" -> {
                    if (args.length < 3 || args.length > 4) {
                        usage();
                    }
                    int partitions = args.length == 4 ? Integer.parseInt(args[3]) : 1;
                    create(admin, args[2], partitions);
                }
                case "delete" -> {
                    if (args.length != 3) {
                        usage();
                    }
                    delete(admin, args[2]);
                }
                default -> usage();
            }
        } catch (ExecutionException e) {
            System.err.println("kafka-topics: " + e.getCause());
            System.exit(1);
        }
    }

    private static void list(Admin admin) throws Exception {
        Set<String> names =
                admin.listTopics(new ListTopicsOptions().listInternal(true))
                        .names()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (names.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> described =
                new TreeMap<>(
                        admin.describeTopics(names)
                                .allTopicNames()
                                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        described.forEach(
                (name, description) ->
                        System.out.println(
                                name + "\tpartitions=" + description.partitions().size()));
    }

    private static void create(Admin admin, String name, int partitions) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            System.out.println("created " + name + " (partitions=" + partitions + ")");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            System.out.println("exists " + name);
        }
    }

    private static void delete(Admin admin, String name) throws Exception {
        try {
            admin.deleteTopics(List.of(name)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            System.out.println("deleted " + name);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
            System.out.println("absent " + name);
        }
    }

    private static void usage() {
        System.err.println(
                "usage: KafkaTopics BOOTSTRAP list | create NAME [PARTITIONS] | delete NAME");
        System.exit(2);
    }
}

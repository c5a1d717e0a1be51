package dev.ferry.events;

import dev.ferry.events.command.Command;
import dev.ferry.events.inventory.InventoryEvent;
import dev.ferry.events.migration.MigrationEvent;
import dev.ferry.events.notification.NotificationEvent;
import dev.ferry.events.plan.PlanEvent;
import java.util.List;
import java.util.Map;

/** The event log's topics and the settings each one is created with. */
public final class Topics {
    public static final String INVENTORY = "ferry.inventory";
    public static final String PLANS = "ferry.plans";
    public static final String MIGRATIONS = "ferry.migrations";
    public static final String COMMANDS = "ferry.commands";
    public static final String NOTIFICATIONS = "ferry.notifications";

    /** The event log is never truncated: retention is unlimited and nothing is compacted away. */
    private static final Map<String, String> EVENT_LOG_CONFIG = Map.of(
            "retention.ms", "-1",
            "retention.bytes", "-1",
            "cleanup.policy", "delete",
            "min.insync.replicas", "1");

    /**
     * A whole-estate snapshot ({@code estate-discovered}) of a 1,000-app account is several MB even
     * compressed, so the inventory topic takes records up to 32 MB (the producer compresses with zstd).
     */
    public static final int INVENTORY_MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

    private static final Map<String, String> INVENTORY_CONFIG = withMaxMessageBytes(INVENTORY_MAX_MESSAGE_BYTES);

    /**
     * A plan for a whole 1,000-app estate ({@code plan-proposed} with its rendered files) grows past
     * Kafka's 1 MB default too, so the plans topic takes the same 32 MB (the planner compresses).
     */
    public static final int PLANS_MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

    private static final Map<String, String> PLANS_CONFIG = withMaxMessageBytes(PLANS_MAX_MESSAGE_BYTES);

    private static Map<String, String> withMaxMessageBytes(int bytes) {
        Map<String, String> config = new java.util.HashMap<>(EVENT_LOG_CONFIG);
        config.put("max.message.bytes", Integer.toString(bytes));
        return Map.copyOf(config);
    }

    /** How a topic is created; replication is decided by the deployment, not here. */
    public record TopicSpec(String name, int partitions, Map<String, String> config) {}

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(INVENTORY, 3, INVENTORY_CONFIG),
            new TopicSpec(PLANS, 3, PLANS_CONFIG),
            new TopicSpec(MIGRATIONS, 6, EVENT_LOG_CONFIG),
            new TopicSpec(COMMANDS, 6, EVENT_LOG_CONFIG),
            new TopicSpec(NOTIFICATIONS, 3, EVENT_LOG_CONFIG));

    private Topics() {}

    /** The topic an event belongs on, decided by its aggregate. */
    public static String topicOf(FerryEvent event) {
        if (event instanceof InventoryEvent) {
            return INVENTORY;
        } else if (event instanceof PlanEvent) {
            return PLANS;
        } else if (event instanceof MigrationEvent) {
            return MIGRATIONS;
        } else if (event instanceof NotificationEvent) {
            return NOTIFICATIONS;
        } else if (event instanceof Command) {
            return COMMANDS;
        }
        throw new IllegalArgumentException("No topic for " + event.getClass().getName());
    }
}

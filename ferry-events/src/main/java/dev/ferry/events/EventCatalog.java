package dev.ferry.events;

import dev.ferry.events.command.Command;
import dev.ferry.events.inventory.InventoryEvent;
import dev.ferry.events.migration.MigrationEvent;
import dev.ferry.events.notification.NotificationEvent;
import dev.ferry.events.plan.PlanEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps CloudEvents type names to event records, read from the sealed hierarchy so none is
 * forgotten.
 */
public final class EventCatalog {
    /**
     * The sealed root of each aggregate's events; a new aggregate is added here and in {@link
     * Topics}.
     */
    private static final List<Class<? extends FerryEvent>> AGGREGATES = List.of(
            InventoryEvent.class, PlanEvent.class, MigrationEvent.class, NotificationEvent.class, Command.class);

    private static final Map<String, Class<? extends FerryEvent>> BY_TYPE = new LinkedHashMap<>();

    static {
        for (Class<? extends FerryEvent> type :
                AGGREGATES.stream().flatMap(a -> leaves(a).stream()).toList()) {
            String name = typeName(type);
            if (BY_TYPE.put(name, type) != null) {
                throw new IllegalStateException("Two event records share the type " + name);
            }
        }
    }

    private EventCatalog() {}

    /** Every event record class, in a stable order. */
    public static List<Class<? extends FerryEvent>> all() {
        return List.copyOf(BY_TYPE.values());
    }

    /** Every CloudEvents type name, in a stable order. */
    public static List<String> typeNames() {
        return List.copyOf(BY_TYPE.keySet());
    }

    /** The record class for a type name, if this build knows it. */
    public static Optional<Class<? extends FerryEvent>> classOf(String typeName) {
        return Optional.ofNullable(BY_TYPE.get(typeName));
    }

    /** The CloudEvents type name of an event class, such as {@code ferry.plan.approved.v1}. */
    public static String typeName(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalStateException(eventClass.getName() + " lacks @EventType");
        }
        return type.name() + ".v" + type.version();
    }

    /** The CloudEvents type name of an event. */
    public static String typeName(FerryEvent event) {
        return typeName(event.getClass());
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends FerryEvent>> leaves(Class<?> root) {
        if (!root.isSealed()) {
            return List.of((Class<? extends FerryEvent>) root);
        }
        List<Class<? extends FerryEvent>> result = new ArrayList<>();
        for (Class<?> sub : root.getPermittedSubclasses()) {
            result.addAll(leaves(sub));
        }
        return Collections.unmodifiableList(result);
    }
}

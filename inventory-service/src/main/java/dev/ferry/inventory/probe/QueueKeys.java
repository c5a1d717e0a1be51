package dev.ferry.inventory.probe;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Recognises the job-queue libraries whose default key names appear in a Redis: a Redis that holds
 * a queue must be copied, a cache can start empty.
 */
public final class QueueKeys {
    private QueueKeys() {}

    private record QueueSystem(String name, Predicate<String> matches) {}

    private static final List<QueueSystem> SYSTEMS = List.of(
            new QueueSystem(
                    "sidekiq",
                    k -> k.equals("queues") || k.equals("schedule") || k.equals("retry") || k.startsWith("queue:")),
            new QueueSystem("resque", k -> k.startsWith("resque:")),
            new QueueSystem("rq", k -> k.startsWith("rq:queue:") || k.startsWith("rq:job:")),
            new QueueSystem("celery", k -> k.equals("celery") || k.startsWith("_kombu.") || k.startsWith("unacked")),
            new QueueSystem("bull", k -> k.startsWith("bull:")));

    /** The systems whose key patterns occur among {@code keys}, in a fixed order. */
    public static List<String> systems(Collection<String> keys) {
        return SYSTEMS.stream()
                .filter(s -> keys.stream().anyMatch(s.matches()))
                .map(QueueSystem::name)
                .toList();
    }
}

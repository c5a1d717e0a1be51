package dev.ferry.common.observability;

import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.MDC;

/**
 * The MDC keys Ferry's log lines carry (ids only, never secret values) and a way to set them around a
 * piece of work and clear them after. In Quarkus the MDC lives in the current duplicated Vert.x
 * context when there is one (so it follows reactive work on that context) and in a thread local
 * otherwise.
 */
public final class LogContext {
    public static final String MIGRATION_ID = "migrationId";
    public static final String STEP_ID = "stepId";
    public static final String STEP_TYPE = "stepType";
    public static final String DISCOVERY_ID = "discoveryId";
    public static final String PLAN_ID = "planId";

    private LogContext() {}

    /** Puts the non-null values; closing the scope restores what each key held before. */
    public static Scope with(String key, String value, String... more) {
        if (more.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> previous = new LinkedHashMap<>();
        put(previous, key, value);
        for (int i = 0; i < more.length; i += 2) {
            put(previous, more[i], more[i + 1]);
        }
        return new Scope(previous);
    }

    /** Runs reactive work with the keys set from its subscription until it ends. */
    public static <T> Uni<T> around(Supplier<Uni<T>> work, String key, String value, String... more) {
        return Uni.createFrom().deferred(() -> {
            Scope scope = with(key, value, more);
            Uni<T> started;
            try {
                started = work.get();
            } catch (RuntimeException e) {
                scope.close();
                throw e;
            }
            return started.onTermination().invoke(scope::close);
        });
    }

    /** The current MDC, to carry it onto a worker thread with {@link #restore}. */
    public static Map<String, Object> capture() {
        return new LinkedHashMap<>(MDC.getMap());
    }

    /** Puts captured entries on this thread; closing the scope removes them again. */
    public static Scope restore(Map<String, Object> captured) {
        Map<String, Object> previous = new LinkedHashMap<>();
        captured.forEach((k, v) -> {
            previous.put(k, MDC.get(k));
            MDC.put(k, v);
        });
        return new Scope(previous);
    }

    private static void put(Map<String, Object> previous, String key, String value) {
        if (value != null) {
            previous.put(key, MDC.get(key));
            MDC.put(key, value);
        }
    }

    /** Restores the keys it set; never throws. */
    public static final class Scope implements AutoCloseable {
        private final Map<String, Object> previous;

        private Scope(Map<String, Object> previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            previous.forEach((k, v) -> {
                if (v == null) {
                    MDC.remove(k);
                } else {
                    MDC.put(k, v);
                }
            });
        }
    }
}

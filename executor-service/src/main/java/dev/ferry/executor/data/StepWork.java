package dev.ferry.executor.data;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs at most one piece of blocking work per step at a time. A timed-out attempt's Uni is cancelled
 * but its thread keeps copying (JDBC and Jedis calls cannot be interrupted), so the next attempt of
 * the same step waits here until that work has really ended instead of dropping or overwriting a
 * copy that is still being written. An attempt abandoned while it waited never starts its work.
 */
final class StepWork {
    private static final Logger LOG = Logger.getLogger(StepWork.class);

    private final ConcurrentMap<String, CompletableFuture<Void>> last = new ConcurrentHashMap<>();
    private final Executor pool;

    StepWork(Executor pool) {
        this.pool = pool;
    }

    /** Runs {@code work} on the pool once every earlier work under {@code key} has ended. */
    <T> Uni<T> run(String key, Supplier<T> work) {
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean ended = new AtomicBoolean();
            emitter.onTermination(() -> ended.set(true));
            CompletableFuture<Void> done = new CompletableFuture<>();
            CompletableFuture<Void> before = last.put(key, done);
            if (before != null && !before.isDone()) {
                LOG.infof("%s: an earlier attempt's work is still running; this attempt starts once it has ended", key);
            }
            CompletableFuture<Void> prior = before == null ? CompletableFuture.completedFuture(null) : before;
            prior.whenCompleteAsync(
                    (ignored, failure) -> {
                        try {
                            if (ended.get()) {
                                return; // cancelled (timed out) while it waited: nobody wants this work any more
                            }
                            T result;
                            try {
                                result = work.get();
                            } catch (RuntimeException | Error e) {
                                emitter.fail(e);
                                return;
                            }
                            emitter.complete(result);
                        } finally {
                            done.complete(null);
                            last.remove(key, done);
                        }
                    },
                    pool);
        });
    }

    /** Whether work under {@code key} is running or waiting. */
    boolean busy(String key) {
        return last.containsKey(key);
    }
}

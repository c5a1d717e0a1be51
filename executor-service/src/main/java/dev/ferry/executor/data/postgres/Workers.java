package dev.ferry.executor.data.postgres;

import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs work items on a few threads, each holding its own resource (its connections) for all the
 * items it takes; the first failure stops the others taking new items and is rethrown.
 */
final class Workers {
    private static final AtomicInteger POOL = new AtomicInteger();

    @FunctionalInterface
    interface Work<R> {
        void run(R resource) throws Exception;
    }

    private Workers() {}

    static <R extends AutoCloseable> void run(int threads, Callable<R> open, Collection<? extends Work<R>> work)
            throws Exception {
        if (work.isEmpty()) {
            return;
        }
        Queue<Work<R>> queue = new ConcurrentLinkedQueue<>(work);
        AtomicReference<Exception> failure = new AtomicReference<>();
        int n = Math.min(threads, work.size());
        String prefix = "ferry-copy-" + POOL.incrementAndGet() + "-";
        AtomicInteger index = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, prefix + index.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < n; i++) {
                pool.execute(() -> {
                    try (R resource = open.call()) {
                        Work<R> next;
                        while (failure.get() == null && (next = queue.poll()) != null) {
                            next.run(resource);
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    } catch (Throwable t) {
                        failure.compareAndSet(null, new RuntimeException(t));
                    }
                });
            }
        } finally {
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // a long table stream: keep waiting, the copy is bounded by the step's timeout
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}

package dev.ferry.simulator.heroku.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts API requests by method, path and status so tests can measure how a client behaves. */
@ApplicationScoped
public class RequestLog {

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    /** One request, keyed by what was asked and how it was answered. */
    public record Key(String method, String path, int status) {}

    /** A key with its count, for reporting. */
    public record Entry(String method, String path, int status, long count) {}

    /** Records one answered request. */
    public void record(String method, String path, int status) {
        counts.computeIfAbsent(new Key(method, path, status), k -> new LongAdder())
                .increment();
    }

    /** Counts so far, ordered by path, then method, then status. */
    public List<Entry> snapshot() {
        return counts.entrySet().stream()
                .map(e -> new Entry(
                        e.getKey().method(),
                        e.getKey().path(),
                        e.getKey().status(),
                        e.getValue().sum()))
                .sorted(Comparator.comparing(Entry::path)
                        .thenComparing(Entry::method)
                        .thenComparingInt(Entry::status))
                .toList();
    }

    /** Forgets all counts. */
    public void clear() {
        counts.clear();
    }
}

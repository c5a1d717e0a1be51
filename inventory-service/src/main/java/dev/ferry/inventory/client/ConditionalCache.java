package dev.ferry.inventory.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@code ETag}, body and {@code Next-Range} seen for each GET (path and range), so a
 * re-scan can ask {@code If-None-Match} and reuse the body on 304. Bounded: the least recently used
 * entry goes first. In memory only: a restart just means one unconditional scan.
 */
public final class ConditionalCache {

    /** One remembered answer. */
    public record Entry(String etag, String body, int status, String nextRange) {}

    private final Map<String, Entry> entries;

    public ConditionalCache(int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("cache size must not be negative");
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public synchronized Entry get(String key) {
        return entries.get(key);
    }

    public synchronized void put(String key, Entry entry) {
        entries.put(key, entry);
    }

    public synchronized void remove(String key) {
        entries.remove(key);
    }

    public synchronized int size() {
        return entries.size();
    }
}

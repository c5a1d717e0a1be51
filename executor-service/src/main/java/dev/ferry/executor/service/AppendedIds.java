package dev.ferry.executor.service;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ids of the last events this process appended, so a decision is not appended twice. */
final class AppendedIds {
    private final Map<String, Boolean> ids;

    AppendedIds(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean contains(String id) {
        return ids.containsKey(id);
    }

    synchronized void add(String id) {
        ids.put(id, Boolean.TRUE);
    }
}

package dev.ferry.inventory.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The discoveries this instance runs or ran lately, in memory only: running ones are always kept,
 * finished ones until {@value #KEEP_FINISHED} newer ones finished (the projection has them anyway).
 */
@ApplicationScoped
public class ProgressRegistry {
    static final int KEEP_FINISHED = 100;

    private final Map<String, DiscoveryProgress> progress = new LinkedHashMap<>();

    public synchronized void register(DiscoveryProgress p) {
        progress.put(p.discoveryId(), p);
        long finished =
                progress.values().stream().filter(x -> x.phase().terminal()).count();
        Iterator<DiscoveryProgress> it = progress.values().iterator();
        while (finished > KEEP_FINISHED && it.hasNext()) {
            if (it.next().phase().terminal()) {
                it.remove();
                finished--;
            }
        }
    }

    public synchronized Optional<DiscoveryProgress> find(String discoveryId) {
        return Optional.ofNullable(progress.get(discoveryId));
    }

    /** Forgets a discovery that was refused before it started (nothing was recorded for it). */
    public synchronized void forget(String discoveryId) {
        progress.remove(discoveryId);
    }
}

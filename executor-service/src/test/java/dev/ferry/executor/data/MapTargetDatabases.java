package dev.ferry.executor.data;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Target databases by handle for tests, standing in for the Aptible look-up. */
public final class MapTargetDatabases implements TargetDatabases {
    private final Map<String, String> urls = new ConcurrentHashMap<>();

    public MapTargetDatabases put(String handle, String url) {
        urls.put(handle, url);
        return this;
    }

    @Override
    public Uni<String> connectionUrl(Target target) {
        String handle = target.handle();
        String url = urls.get(handle);
        return url == null
                ? Uni.createFrom().failure(new IllegalStateException("no database with handle " + handle))
                : Uni.createFrom().item(url);
    }
}

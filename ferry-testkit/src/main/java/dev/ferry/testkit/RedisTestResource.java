package dev.ferry.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real Redis on a free port. Init arg {@code property}: the config
 * key that receives its URL (database 0), by default {@code ferry.test.redis.url}.
 */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {
    private LocalRedis redis;
    private String property = "ferry.test.redis.url";

    @Override
    public void init(Map<String, String> initArgs) {
        property = initArgs.getOrDefault("property", property);
    }

    @Override
    public Map<String, String> start() {
        redis = LocalRedis.start(Path.of("target", "redis"));
        return Map.of(property, redis.url(0));
    }

    @Override
    public void stop() {
        if (redis != null) {
            redis.close();
        }
    }
}

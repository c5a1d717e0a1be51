package dev.ferry.inventory.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Tells the pacer the refill rate the benchmark's simulator runs with. */
public class BenchProfile implements QuarkusTestProfile {
    static final String GENERATED_APPS = "1000";
    static final String CAPACITY = "4500";
    static final String REFILL_PER_MINUTE = "6000";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "inventory.heroku.rate-limit.capacity",
                CAPACITY,
                "inventory.heroku.rate-limit.refill-per-minute",
                REFILL_PER_MINUTE,
                "inventory.heroku.retry.initial-backoff",
                "PT0.2S",
                "inventory.heroku.retry.max-backoff",
                "PT5S");
    }
}

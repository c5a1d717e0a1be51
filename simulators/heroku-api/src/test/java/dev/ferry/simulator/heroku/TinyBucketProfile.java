package dev.ferry.simulator.heroku;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A three-token bucket that never refills, so rate-limit behaviour is exact and quick to reach. */
public class TinyBucketProfile implements QuarkusTestProfile {

    static final int CAPACITY = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "heroku-sim.estate", PagingEstateProfile.estateFile(),
                "heroku-sim.rate-limit.capacity", Integer.toString(CAPACITY),
                "heroku-sim.rate-limit.refill-per-minute", "0");
    }
}

package dev.ferry.simulator.heroku;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The demo estate plus 25 generated apps. */
public class GeneratedAppsProfile implements QuarkusTestProfile {

    static final int GENERATED = 25;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("heroku-sim.generated-apps", Integer.toString(GENERATED));
    }
}

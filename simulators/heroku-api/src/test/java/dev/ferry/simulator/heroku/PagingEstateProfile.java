package dev.ferry.simulator.heroku;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/** Serves the multi-account test estate from a file, as a user would with HEROKU_SIM_ESTATE. */
public class PagingEstateProfile implements QuarkusTestProfile {

    static final String PAGER = "TEST-PAGER-GLOBAL";
    static final String PAGER_IDENTITY = "TEST-PAGER-IDENTITY";
    static final String PAGER_READ_PROTECTED = "TEST-PAGER-READ-PROTECTED";
    static final String TEAMMATE = "TEST-TEAMMATE-GLOBAL";
    static final String OUTSIDER = "TEST-OUTSIDER-GLOBAL";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("heroku-sim.estate", estateFile());
    }

    /** Absolute path of the test estate on disk. */
    static String estateFile() {
        try {
            return Path.of(PagingEstateProfile.class
                            .getClassLoader()
                            .getResource("estates/paging-estate.json")
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.ferry.simulator.aptible;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks that operation failures can be switched on through configuration. */
@QuarkusTest
@TestProfile(ConfiguredFaultsTest.FailRestarts.class)
class ConfiguredFaultsTest {

    /** Switches restart failures on through configuration rather than the admin surface. */
    public static class FailRestarts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "aptible-sim.faults.fail-operation-types", "restart",
                    "aptible-sim.operations.queued-ms", "10",
                    "aptible-sim.operations.running-ms", "20");
        }
    }

    @Test
    void configuredOperationTypeFailsAndOthersSucceed() {
        String token = Api.token();
        long accountId = Api.createAccount(token, Api.unique("cfg")).getLong("id");
        long appId = Api.createApp(token, accountId, "web").getLong("id");

        String restart = Api.awaitFinished(
                        token,
                        Api.createOperation(token, appId, Map.of("type", "restart"))
                                .getLong("id"))
                .getString("status");
        String configure = Api.awaitFinished(
                        token,
                        Api.createOperation(token, appId, Map.of("type", "configure", "env", Map.of()))
                                .getLong("id"))
                .getString("status");

        assertThat(restart).isEqualTo("failed");
        assertThat(configure).isEqualTo("succeeded");
    }
}

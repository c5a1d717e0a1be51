package dev.ferry.inventory.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.inventory.client.CallStats;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Running discoveries are always kept; finished ones only up to a bound. */
class ProgressRegistryTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void finishedDiscoveriesAreForgottenOldestFirstRunningOnesNever() {
        ProgressRegistry registry = new ProgressRegistry();
        DiscoveryProgress running = new DiscoveryProgress("running", new CallStats(), T);
        registry.register(running);
        for (int i = 0; i < ProgressRegistry.KEEP_FINISHED + 5; i++) {
            DiscoveryProgress p = new DiscoveryProgress("d" + i, new CallStats(), T);
            p.finish(DiscoveryProgress.Phase.COMPLETED, null, T);
            registry.register(p);
        }
        assertThat(registry.find("running")).containsSame(running);
        assertThat(registry.find("d0")).isEmpty();
        assertThat(registry.find("d" + (ProgressRegistry.KEEP_FINISHED + 4))).isPresent();
    }

    @Test
    void aViewShowsPhaseCountsAndFailure() {
        DiscoveryProgress p = new DiscoveryProgress("x", new CallStats(), T);
        p.appsTotal(3);
        p.enter(DiscoveryProgress.Phase.APPS);
        p.appDone();
        p.appFailed();
        assertThat(p.view().phase()).isEqualTo("apps");
        assertThat(p.view().terminal()).isFalse();
        p.finish(DiscoveryProgress.Phase.FAILED, "app a: 403", T);
        assertThat(p.view())
                .extracting(
                        v -> v.phase(), v -> v.appsTotal(), v -> v.appsDone(), v -> v.appsFailed(), v -> v.failure())
                .containsExactly("failed", 3, 1, 1, "app a: 403");
    }
}

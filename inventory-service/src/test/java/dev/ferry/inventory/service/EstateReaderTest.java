package dev.ferry.inventory.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.inventory.ReleaseInfo;
import dev.ferry.inventory.client.HerokuDtos;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How releases become the current release, its release phase and recent failures; URL hosts. */
class EstateReaderTest {

    private static HerokuDtos.Release release(int version, String status, Boolean current, String stream) {
        return new HerokuDtos.Release(
                "r" + version, version, "v" + version, status, current, stream, "2025-05-28T16:42:00Z");
    }

    @Test
    void theCurrentReleaseAndTheFailuresAmongTheRecentOnes() {
        ReleaseInfo info = EstateReader.release(
                List.of(
                        release(42, "succeeded", true, "https://busl.example/s/42"),
                        release(41, "failed", false, null),
                        release(40, "succeeded", false, null),
                        release(39, "failed", false, null)),
                List.of());
        assertThat(info.version()).isEqualTo(42);
        assertThat(info.releasePhase()).isTrue();
        assertThat(info.recentFailures())
                .extracting(ReleaseInfo.FailedRelease::version)
                .containsExactly(41, 39);
        assertThat(info.createdAt()).hasToString("2025-05-28T16:42:00Z");
    }

    @Test
    void aReleaseProcessTypeMeansAReleasePhaseEvenWithoutAnOutputStream() {
        ReleaseInfo info = EstateReader.release(
                List.of(release(3, "failed", false, null), release(2, "succeeded", null, null)),
                List.of(new HerokuDtos.Formation("f", "release", "rake db:migrate", 0, "standard-1x")));
        assertThat(info.version()).isEqualTo(2);
        assertThat(info.releasePhase()).isTrue();
    }

    @Test
    void noSucceededReleaseMeansNoCurrentRelease() {
        assertThat(EstateReader.release(List.of(release(1, "failed", false, null)), List.of()))
                .isNull();
    }

    @Test
    void hostsNeverCarryTheRestOfTheUrl() {
        assertThat(EstateReader.host("syslog+tls://logs7.papertrailapp.com:41234"))
                .isEqualTo("logs7.papertrailapp.com");
        assertThat(EstateReader.host("https://hooks.example.com/x?token=FAKE-1"))
                .isEqualTo("hooks.example.com");
        assertThat(EstateReader.host("not a url")).isEqualTo("unknown");
    }
}

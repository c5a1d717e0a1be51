package dev.ferry.inventory.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.inventory.DiscoveryFailed;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A failed discovery says why in words a person can act on. */
class FailureCauseTest {
    private static final Instant AT = Instant.parse("2026-11-27T03:00:00Z");

    @Test
    void aTeamOrAppThatVanishedBeforeAResumeIsNamedNotBlamedOnTheNetwork() {
        DiscoveryFailed failed = FailureCause.of(
                "d-1", ProblemException.notFound("Heroku has no team named 'acme' that the token can see"), AT);
        assertThat(failed.reason())
                .isEqualTo("Heroku has no team named 'acme' that the token can see")
                .doesNotContain("could not be reached");
    }

    @Test
    void anUnreachableHerokuIsSaidSo() {
        DiscoveryFailed failed = FailureCause.of("d-1", new IOException("Connection refused"), AT);
        assertThat(failed.reason()).isEqualTo("Heroku could not be reached: IOException Connection refused");
    }
}

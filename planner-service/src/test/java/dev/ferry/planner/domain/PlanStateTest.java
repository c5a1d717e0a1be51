package dev.ferry.planner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.common.rest.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlanStateTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final PlanState proposed = new PlanState("p1", 2, PlanState.PROPOSED, "acme-production", "alice");

    @Test
    void approvesTheLatestVersion() {
        var approved = proposed.approve(new PlanState.Decision("bob", null, "ok"), NOW);
        assertThat(approved.version()).isEqualTo(2);
        assertThat(approved.approvedBy()).isEqualTo("bob");
        assertThat(proposed.approve(new PlanState.Decision("bob", 2, null), NOW).version())
                .isEqualTo(2);
    }

    @Test
    void refusesAnOlderVersion() {
        assertThatThrownBy(() -> proposed.approve(new PlanState.Decision("bob", 1, null), NOW))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("version 1 is not the latest")
                .hasMessageContaining("diff?from=1&to=2")
                .extracting(e -> ((ProblemException) e).status())
                .isEqualTo(409);
    }

    @Test
    void refusesASecondDecision() {
        PlanState approved = new PlanState("p1", 2, PlanState.APPROVED, "acme-production", "alice");
        assertThatThrownBy(() -> approved.reject(new PlanState.Decision("bob", null, null), NOW))
                .hasMessageContaining("already approved");
    }

    @Test
    void productionNeedsAnotherApprover() {
        assertThatThrownBy(() -> proposed.approve(new PlanState.Decision("alice", null, null), NOW))
                .hasMessageContaining("another person")
                .extracting(e -> ((ProblemException) e).status())
                .isEqualTo(403);
        PlanState flagged = new PlanState("p1", 1, PlanState.PROPOSED, "acme-staging", "alice", true);
        assertThatThrownBy(() -> flagged.approve(new PlanState.Decision("ALICE", null, null), NOW))
                .as("the production flag decides, not the environment's name")
                .hasMessageContaining("another person");
        PlanState staging = new PlanState("p1", 1, PlanState.PROPOSED, "acme-staging", "alice");
        assertThat(staging.approve(new PlanState.Decision("alice", null, null), NOW)
                        .approvedBy())
                .isEqualTo("alice");
    }

    @Test
    void aDecisionNamesWhoMadeIt() {
        assertThatThrownBy(() -> proposed.approve(new PlanState.Decision(" ", null, null), NOW))
                .isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).status())
                .isEqualTo(400);
    }
}

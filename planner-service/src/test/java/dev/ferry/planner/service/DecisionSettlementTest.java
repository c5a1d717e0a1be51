package dev.ferry.planner.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.planner.repository.PlanDecisions;
import dev.ferry.planner.repository.PlanDecisions.Standing;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class DecisionSettlementTest {
    private static final PlanService.DecisionOutcome MINE =
            new PlanService.DecisionOutcome("plan-1", 1, "approved", "event-mine");

    /** Answers the standings a projection would show, one per read, the last one repeated. */
    private static final class Projection extends PlanDecisions {
        private final Deque<Standing> answers;
        private final boolean startsUnknown;
        int reads;

        Projection(boolean startsUnknown, Standing... answers) {
            super(null);
            this.startsUnknown = startsUnknown;
            this.answers = new ArrayDeque<>(Arrays.asList(answers));
        }

        @Override
        public Uni<Standing> of(String planId, int version) {
            reads++;
            if (startsUnknown && reads == 1) {
                return Uni.createFrom().nullItem(); // the projection has no row for the plan yet
            }
            Standing next = answers.size() > 1 ? answers.poll() : answers.peek();
            return Uni.createFrom().item(next);
        }
    }

    private static PlanService.DecisionOutcome settle(Projection projection, Duration timeout) {
        return new DecisionSettlement(projection, timeout).stood(MINE).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void theCallersDecisionStandsOnceTheProjectionRecordsIt() {
        Projection projection = new Projection(
                true, new Standing(1, null, null, null), new Standing(1, "approved", "event-mine", "bob"));
        assertThat(settle(projection, Duration.ofSeconds(5))).isEqualTo(MINE);
        assertThat(projection.reads).isEqualTo(3);
    }

    @Test
    void anotherDecisionFirstOnTheLogIsAConflictNamingWhoDecided() {
        Projection projection = new Projection(
                false, new Standing(1, null, null, null), new Standing(1, "rejected", "event-theirs", "carol"));
        assertThatThrownBy(() -> settle(projection, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("was rejected by carol just before this decision");
    }

    @Test
    void aProjectionThatDoesNotSettleInTimeLeavesTheOutcomeAsAppended() {
        Projection projection = new Projection(false, new Standing(1, null, null, null));
        assertThat(settle(projection, Duration.ofMillis(200))).isEqualTo(MINE);
        assertThat(projection.reads).isBetween(2, 6);
    }

    @Test
    void aDecisionThatLandedAfterANewerProposalIsAConflictNamingTheNewVersion() {
        Projection projection = new Projection(false, new Standing(2, null, null, null));
        assertThatThrownBy(() -> settle(projection, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("version 1 was superseded by version 2")
                .hasMessageContaining("review version 2 instead");
        assertThat(projection.reads).isEqualTo(1);
    }

    @Test
    void aDecisionThatStoodBeforeANewerProposalStillStands() {
        Projection projection = new Projection(false, new Standing(2, "approved", "event-mine", "bob"));
        assertThat(settle(projection, Duration.ofSeconds(5))).isEqualTo(MINE);
        assertThat(projection.reads).isEqualTo(1);
    }
}

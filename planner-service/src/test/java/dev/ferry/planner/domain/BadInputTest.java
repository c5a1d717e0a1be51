package dev.ferry.planner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.planner.Estates;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** An inventory that lacks what rules need gives steps that need review, with the reason; never a guess. */
class BadInputTest {

    @Test
    void aV1InventoryAsksForReviewWhereFactsAreMissing() {
        PlanProposed plan = PlanRules.propose(Estates.shop("d-v1", "alice"));
        Map<String, String> reviews = plan.steps().stream()
                .filter(s -> s.needsReview() != null)
                .collect(Collectors.toMap(PlanStep::id, PlanStep::needsReview));
        assertThat(reviews.get("build:acme-shop")).contains("Buildpacks were not discovered");
        assertThat(reviews.get("endpoint:acme-shop/web")).contains("Domains were not discovered");
        assertThat(reviews.get("db:postgresql-1"))
                .contains("version was not discovered")
                .contains("size was not discovered")
                .contains("not probed");
        assertThat(reviews.get("copy:postgresql-1")).contains("size was not discovered");
        assertThat(reviews.get("copy-redis:redis-1")).contains("cache or a job queue is unknown");
        assertThat(reviews.get("db:redis-1")).contains("Redis version was not discovered");
        PlanStep db = plan.steps().stream()
                .filter(s -> s.id().equals("db:postgresql-1"))
                .findFirst()
                .orElseThrow();
        assertThat(db.parameters()).doesNotContainKeys("version", "diskSizeGb");
        assertThat(plan.fidelity())
                .anyMatch(f -> f.app().equals("acme-shop")
                        && f.feature().equals("log drains")
                        && f.mapping().equals("none"));
    }

    /**
     * The inventory carries no language version (config var values stay sealed from the planner), so
     * even a complete one leaves the Dockerfile's version assumed: that is the only review, on the
     * build steps.
     */
    @Test
    void aCompleteInventoryOnlyAsksToConfirmTheAssumedLanguageVersion() {
        PlanProposed plan = PlanRules.propose(Estates.demo("d", "alice"));
        String ruby = "The inventory has no Ruby version: the Dockerfile assumes 3.3; confirm it against the"
                + " Gemfile's ruby directive before building.";
        assertThat(plan.steps())
                .allSatisfy(step -> assertThat(step.needsReview())
                        .as(step.id())
                        .isEqualTo(step.id().startsWith("build:") ? ruby : null));
        assertThat(plan.steps().stream().filter(s -> s.needsReview() != null).map(PlanStep::id))
                .containsExactlyInAnyOrder("build:acme-shop", "build:acme-admin");
    }
}

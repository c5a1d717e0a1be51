package dev.ferry.planner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.planner.Estates;
import org.junit.jupiter.api.Test;

class PlanDiffTest {

    @Test
    void aDriftShowsAsChangedAddedAndRemovedSteps() {
        var before = PlanDocument.of(PlanRules.propose(Estates.shop("d1", "alice")));
        var after = PlanDocument.of(PlanRules.propose(Estates.withWorkers(Estates.shop("d1", "alice"), "d2", 0)));
        PlanDiff diff = PlanDiff.between(before, after);
        assertThat(diff.from()).isEqualTo(1);
        assertThat(diff.changedSteps()).anySatisfy(change -> {
            assertThat(change.id()).isEqualTo("scale:acme-shop/worker");
            assertThat(change.fields()).contains(new PlanDiff.FieldChange("parameters.containerCount", "1", "0"));
        });
        assertThat(diff.removedSteps()).contains("pause:acme-shop/worker");
        assertThat(before.planHash()).isNotEqualTo(after.planHash());
    }

    @Test
    void theSameInventoryHasNoDiff() {
        var a = PlanDocument.of(PlanRules.propose(Estates.demo("d1", "alice")));
        var b = PlanDocument.of(PlanRules.propose(Estates.demo("d1", "alice")));
        PlanDiff diff = PlanDiff.between(a, b);
        assertThat(diff.addedSteps()).isEmpty();
        assertThat(diff.removedSteps()).isEmpty();
        assertThat(diff.changedSteps()).isEmpty();
        assertThat(diff.fidelityAdded()).isEmpty();
        assertThat(a.planHash()).isEqualTo(b.planHash());
    }

    @Test
    void resealedSecretsKeepTheHash() {
        var first = PlanRules.propose(Estates.demo("d1", "alice"));
        var second = PlanRules.propose(Estates.demo("d2", "alice"));
        assertThat(first.steps().get(0).id()).isEqualTo(second.steps().get(0).id());
        assertThat(first.planHash())
                .as("values are sealed again (new ciphertexts) but have the same fingerprints")
                .isEqualTo(second.planHash());
    }
}

package dev.ferry.planner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.EventCodec;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.planner.RandomEstates;
import dev.ferry.planner.domain.rules.StepTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of every plan, over 200 random estates from fixed seeds: deterministic byte for byte
 * (also when the inventory lists things in another order), acyclic, every dependency present and
 * earlier in the list, only the step types of docs/step-types.md, a reason everywhere, no plaintext
 * secret. (jqwik is served, but its engine is not verified against the JUnit 6 platform Quarkus
 * brings; seeded JUnit parameters give the same coverage reproducibly.)
 */
class PlanPropertyTest {

    static LongStream seeds() {
        return LongStream.range(1, 201);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void plansAreDeterministicAcyclicAndComplete(long seed) {
        EstateDiscovered estate = RandomEstates.estate(seed, 1 + (int) (seed % 25));
        PlanProposed plan = PlanRules.propose(estate);
        String json = EventCodec.toJson(plan);
        assertThat(EventCodec.toJson(PlanRules.propose(estate))).isEqualTo(json);
        assertThat(PlanRules.propose(reordered(estate, seed)).planHash()).isEqualTo(plan.planHash());

        Set<String> seen = new HashSet<>();
        for (PlanStep step : plan.steps()) {
            assertThat(seen.add(step.id())).as("unique id %s", step.id()).isTrue();
            assertThat(seen).as("%s comes after its dependencies", step.id()).containsAll(step.dependsOn());
            assertThat(step.dependsOn()).doesNotContain(step.id());
            assertThat(StepTypes.isKnown(step.type()))
                    .as("type %s", step.type())
                    .isTrue();
            assertThat(step.title()).isNotBlank();
            assertThat(step.reason()).as("reason of %s", step.id()).isNotBlank();
            if (step.needsReview() != null) {
                assertThat(step.needsReview()).isNotBlank();
            }
            if ("timed-wait".equals(step.gate())) {
                assertThat(step.waitSeconds()).isPositive();
            }
        }
        assertThat(json).doesNotContain(RandomEstates.SECRET_MARK);
        for (AppInventory app : estate.apps()) {
            assertThat(seen).contains("app:" + app.name(), "deploy:" + app.name(), "validate:" + app.name());
        }
        assertThat(plan.fidelity()).isNotEmpty();
        PlanDocument document = PlanDocument.of(plan);
        dev.ferry.planner.domain.render.PlanFiles.renderAll(document)
                .forEach((path, text) -> assertThat(text).as(path).doesNotContain(RandomEstates.SECRET_MARK));
    }

    /**
     * The runbook lists waves in order, so no step may wait for a step of a later wave, and an
     * estate-wide step (no wave) may wait for no wave's step.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noStepWaitsForALaterWave(long seed) {
        PlanProposed plan = PlanRules.propose(RandomEstates.estate(seed, 1 + (int) (seed % 25)));
        java.util.Map<String, Integer> waves = new java.util.HashMap<>();
        plan.steps().forEach(s -> waves.put(s.id(), s.wave()));
        for (PlanStep step : plan.steps()) {
            for (String dependency : step.dependsOn()) {
                Integer before = waves.get(dependency);
                if (before != null) {
                    assertThat(step.wave())
                            .as("%s waits for %s of wave %s", step.id(), dependency, before)
                            .isNotNull()
                            .isGreaterThanOrEqualTo(before);
                }
            }
        }
    }

    /** The same estate with apps, add-ons, config vars and domains listed in another order. */
    private static EstateDiscovered reordered(EstateDiscovered estate, long seed) {
        Random random = new Random(seed * 31);
        List<AppInventory> apps = new ArrayList<>();
        for (AppInventory a : estate.apps()) {
            apps.add(new AppInventory(
                    a.id(),
                    a.name(),
                    a.region(),
                    a.stack(),
                    shuffled(a.formation(), random),
                    shuffled(a.configVars(), random),
                    shuffled(a.addons(), random),
                    a.team(),
                    a.generation(),
                    a.buildpacks(),
                    a.procfile(),
                    a.domains() == null ? null : shuffled(a.domains(), random),
                    a.sniEndpoints(),
                    a.logDrains() == null ? null : shuffled(a.logDrains(), random),
                    a.features(),
                    a.webhooks(),
                    a.collaborators(),
                    a.release(),
                    a.pipeline(),
                    a.space(),
                    a.acm(),
                    a.maintenance()));
        }
        return new EstateDiscovered(
                estate.discoveryId(),
                estate.account(),
                shuffled(apps, random),
                estate.discoveredAt(),
                estate.requestedBy(),
                estate.teams(),
                estate.spaces() == null ? null : shuffled(estate.spaces(), random),
                estate.pipelines(),
                estate.dynoSizes());
    }

    private static <T> List<T> shuffled(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }
}

package dev.ferry.planner.domain.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.planner.Estates;
import dev.ferry.planner.RandomEstates;
import dev.ferry.planner.domain.PlanDocument;
import dev.ferry.planner.domain.PlanRules;
import dev.ferry.planner.domain.StepView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The runbook numbers its steps "in an order that respects every dependency": read back from the
 * rendered Markdown, every step is listed once and after all the steps it depends on.
 */
class RunbookOrderTest {
    private static final Pattern STEP_ID = Pattern.compile("^`([^`]+)` · type `");

    static LongStream seeds() {
        return LongStream.range(1, 201);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyStepIsListedAfterItsDependencies(long seed) {
        assertListedInDependencyOrder(RandomEstates.estate(seed, 1 + (int) (seed % 25)));
    }

    /**
     * alpha and charlie share a database (wave 1), bravo is wave 2 and drains the same environment's
     * logs; the apps are planned in name order, so bravo adds the drain before charlie's validation,
     * which waits for every drain of its environment.
     */
    @Test
    void aDrainAddedByALaterWaveIsListedBeforeTheValidationThatWaitsForIt() {
        AddOn shared = Estates.postgres(
                        "pg-shared",
                        "postgresql-shared",
                        "alpha",
                        List.of("alpha", "charlie"),
                        "heroku-postgresql:standard-0",
                        Estates.GB,
                        false)
                .build();
        var alpha = Estates.app("alpha")
                .process("web", "bin/web", 1, "standard-1x")
                .config("DATABASE_URL", "postgres://u:FAKE@h/d")
                .addon(shared)
                .build();
        var bravo = Estates.app("bravo")
                .process("web", "bin/web", 1, "standard-1x")
                .drain("logs.example.net", "https://logs.example.net/FAKE", null)
                .build();
        var charlie = Estates.app("charlie")
                .process("web", "bin/web", 1, "standard-1x")
                .config("DATABASE_URL", "postgres://u:FAKE@h/d")
                .addon(shared)
                .build();
        EstateDiscovered estate =
                Estates.estate("d-drain", "alice", "acc-drain", List.of(alpha, bravo, charlie), List.of(), List.of());

        PlanDocument plan = assertListedInDependencyOrder(estate);

        StepView validate = plan.steps().stream()
                .filter(s -> s.id().equals("validate:charlie"))
                .findFirst()
                .orElseThrow();
        assertThat(validate.dependsOn()).anyMatch(d -> d.startsWith("drain:"));
        assertThat(validate.wave()).isEqualTo(1);
    }

    private static PlanDocument assertListedInDependencyOrder(EstateDiscovered estate) {
        PlanDocument plan = PlanDocument.of(PlanRules.propose(estate));
        List<String> listed = listedSteps(PlanFiles.runbook(plan));
        assertThat(listed)
                .as("every step listed once")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        plan.steps().stream().map(StepView::id).toList());
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < listed.size(); i++) {
            position.put(listed.get(i), i);
        }
        for (StepView step : plan.steps()) {
            for (String dependency : step.dependsOn()) {
                assertThat(position.get(dependency))
                        .as("%s (wave %s) is listed after %s", step.id(), step.wave(), dependency)
                        .isLessThan(position.get(step.id()));
            }
        }
        return plan;
    }

    /** The step ids in the order the runbook numbers them, from each step's facts line. */
    private static List<String> listedSteps(String runbook) {
        List<String> ids = new ArrayList<>();
        for (String line : runbook.split("\n")) {
            Matcher m = STEP_ID.matcher(line);
            if (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }
}

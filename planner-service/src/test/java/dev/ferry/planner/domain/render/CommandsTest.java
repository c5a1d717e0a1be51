package dev.ferry.planner.domain.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.planner.Estates;
import dev.ferry.planner.domain.PlanDocument;
import dev.ferry.planner.domain.PlanRules;
import dev.ferry.planner.domain.StepView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-run commands of steps whose parameters the executor leaves to people. */
class CommandsTest {

    /** acme-shop has preboot, a web service behind an endpoint and a worker; acme-admin has no preboot. */
    @Test
    void prebootTurnsOnForceZeroDowntimeForTheServicesWithoutAnEndpoint() {
        PlanIndex plan = index(Estates.demo("d", "alice"));

        assertThat(Commands.of(plan, deploy(plan, "acme-shop")))
                .contains("aptible services:settings --app acme-shop worker --force-zero-downtime")
                .noneMatch(line -> line.contains("services:settings --app acme-shop web"))
                .contains("# Preboot was on: services behind an endpoint (web) already deploy with zero downtime; give"
                        + " the others force_zero_downtime:");
        assertThat(Commands.of(plan, deploy(plan, "acme-admin"))).noneMatch(line -> line.contains("services:settings"));
        assertThat(PlanFiles.runbook(plan.plan()))
                .contains("aptible services:settings --app acme-shop worker --force-zero-downtime");
    }

    @Test
    void prebootOnAWebOnlyAppHasNothingToSet() {
        var app = Estates.app("site")
                .process("web", "bin/web", 2, "standard-1x")
                .features("preboot")
                .build();
        PlanIndex plan = index(Estates.estate("d", "alice", "acc", List.of(app), List.of(), List.of()));

        assertThat(Commands.of(plan, deploy(plan, "site")))
                .noneMatch(line -> line.contains("services:settings"))
                .contains("# Preboot was on: services behind an endpoint (web) already deploy with zero downtime;"
                        + " nothing to set.");
    }

    private static PlanIndex index(EstateDiscovered estate) {
        return new PlanIndex(PlanDocument.of(PlanRules.propose(estate)));
    }

    private static StepView deploy(PlanIndex plan, String app) {
        return plan.step("deploy:" + app).orElseThrow();
    }
}

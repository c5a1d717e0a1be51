package dev.ferry.planner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.EventCodec;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.planner.Estates;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlanRulesTest {

    @Test
    void proposesEnvironmentThenAppThenConfigurationPerApp() {
        PlanProposed plan = PlanRules.propose(Estates.shop("d1", "alice"));
        assertThat(plan.environment()).isEqualTo("acme-production");
        assertThat(plan.requestedBy()).isEqualTo("alice");
        assertThat(plan.steps())
                .extracting(PlanStep::id)
                .containsExactly(
                        "environment:acme-production",
                        "app:acme-admin",
                        "configure:acme-admin",
                        "app:acme-shop",
                        "configure:acme-shop");
        assertThat(plan.steps())
                .extracting(PlanStep::type)
                .containsExactly("ensure-environment", "ensure-app", "configure-app", "ensure-app", "configure-app");
    }

    @Test
    void theReleaseProcessTypeIsNeverAService() {
        PlanStep app = step(PlanRules.propose(Estates.shop("d1", "alice")), "app:acme-shop");
        assertThat(app.parameters().get("services").split("\n"))
                .containsExactly("web=bundle exec puma -C config/puma.rb", "worker=bundle exec sidekiq");
        assertThat(app.reason()).contains("release").contains("before_deploy");
    }

    @Test
    void addOnVariablesAreRewrittenAndHerokuManagedOnesDropped() {
        PlanStep configure = step(PlanRules.propose(Estates.shop("d1", "alice")), "configure:acme-shop");
        assertThat(configure.secrets()).containsOnlyKeys("RAILS_ENV", "SECRET_KEY_BASE");
        assertThat(configure.parameters())
                .containsEntry("replacedByAptible", "DATABASE_URL,REDIS_URL")
                .containsEntry("dropped", "HEROKU_APP_NAME");
        assertThat(configure.reason()).contains("DATABASE_URL").contains("HEROKU_APP_NAME");
        assertThat(Estates.BOX.open(configure.secrets().get("SECRET_KEY_BASE"))).isEqualTo(Estates.SECRET);
    }

    @Test
    void theSameInventoryGivesTheSamePlanByteForByte() {
        var estate = Estates.shop("d1", "alice");
        assertThat(EventCodec.toJson(PlanRules.propose(estate)))
                .isEqualTo(EventCodec.toJson(PlanRules.propose(estate)));
        assertThat(PlanRules.planId("d1")).isEqualTo(PlanRules.planId("d1")).isNotEqualTo(PlanRules.planId("d2"));
    }

    @Test
    void everyDependencyExistsAndTheGraphIsAcyclic() {
        List<PlanStep> steps = PlanRules.propose(Estates.shop("d1", "alice")).steps();
        Set<String> ids = steps.stream().map(PlanStep::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(steps.size());
        steps.forEach(s -> assertThat(ids).containsAll(s.dependsOn()));
        Map<String, List<String>> deps = new HashMap<>();
        steps.forEach(s -> deps.put(s.id(), s.dependsOn()));
        Set<String> done = new HashSet<>();
        int guard = 0;
        while (done.size() < steps.size() && guard++ < steps.size() + 1) {
            deps.forEach((id, d) -> {
                if (done.containsAll(d)) {
                    done.add(id);
                }
            });
        }
        assertThat(done).as("every step can be ordered after its dependencies").hasSize(steps.size());
    }

    private static PlanStep step(PlanProposed plan, String id) {
        return plan.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}

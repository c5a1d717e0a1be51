package dev.ferry.planner.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.planner.Estates;
import org.junit.jupiter.api.Test;

class ServicesRuleTest {

    @Test
    void releaseIsBeforeDeployNeverAService() {
        var app = Estates.app("x")
                .process("web", "bin/web", 2, "standard-1x")
                .process("worker", "bin/worker", 1, "standard-1x")
                .process("release", "bin/migrate", 0, "standard-1x")
                .build();
        ServicesRule.Processes processes = ServicesRule.processes(app);
        assertThat(processes.services()).containsOnlyKeys("web", "worker");
        assertThat(processes.beforeDeploy()).isEqualTo("bin/migrate");
        assertThat(ServicesRule.servicesParameter(processes)).isEqualTo("web=bin/web;worker=bin/worker");
        assertThat(processes.reviews()).isEmpty();
    }

    @Test
    void aReleasePhaseWithoutItsCommandIsFlagged() {
        var app = Estates.app("x")
                .process("web", "bin/web", 1, "standard-1x")
                .release(3, true)
                .build();
        assertThat(ServicesRule.processes(app).reviews()).anyMatch(r -> r.contains("before_deploy"));
    }

    @Test
    void noProcessTypesAndSeparatorsInCommandsAreFlagged() {
        assertThat(ServicesRule.processes(Estates.app("x").build()).reviews())
                .anyMatch(r -> r.contains("No process types"));
        var app = Estates.app("x").process("web", "a; b", 1, "basic").build();
        assertThat(ServicesRule.processes(app).reviews()).anyMatch(r -> r.contains("';'"));
    }

    @Test
    void preBootBecomesZeroDowntime() {
        var plan = Plans.plan(Estates.demo("d", "alice"));
        assertThat(Plans.step(plan, "deploy:acme-shop").parameters()).containsEntry("zeroDowntime", "true");
        assertThat(Plans.step(plan, "deploy:acme-shop").reason()).contains("zero downtime");
        assertThat(Plans.step(plan, "deploy:acme-admin").parameters()).doesNotContainKey("zeroDowntime");
    }

    @Test
    void quantityBecomesContainerCount() {
        var plan = Plans.plan(Estates.demo("d", "alice"));
        assertThat(Plans.step(plan, "scale:acme-shop/web").parameters())
                .containsEntry("containerCount", "2")
                .containsEntry("containerSizeMb", "512")
                .containsEntry("profile", "m");
        assertThat(Plans.step(plan, "scale:acme-shop/worker").parameters()).containsEntry("containerSizeMb", "1024");
        assertThat(Plans.find(plan, "scale:acme-shop/release")).isEmpty();
    }
}

package dev.ferry.planner.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.Pipeline;
import dev.ferry.events.inventory.PrivateSpace;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.planner.Estates;
import dev.ferry.planner.domain.PlanDocument;
import dev.ferry.planner.domain.render.PlanFiles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stacks, networking, environments, waves, endpoints and cutover, against hand-built estates. */
class EstateRulesTest {

    private static AppInventory web(String name, String space) {
        return Estates.app(name)
                .process("web", "bin/web", 1, "private-s")
                .domain(name + ".herokuapp.com", "heroku")
                .space(space)
                .build();
    }

    private static PlanProposed spacePlan(boolean shield, List<String> trusted) {
        PrivateSpace space = Estates.space("acme-space", shield, trusted);
        return Plans.plan(
                Estates.estate("d", "alice", "acc", List.of(web("api", "acme-space")), List.of(space), List.of()));
    }

    @Test
    void aShieldSpaceNeedsADedicatedStackBehindABaaApproval() {
        PlanProposed plan = spacePlan(true, List.of("0.0.0.0/0"));
        var stack = Plans.step(plan, "stack:acme-virginia");
        assertThat(stack.type()).isEqualTo("approval");
        assertThat(stack.gate()).isEqualTo("approval");
        assertThat(stack.parameters().get("instructions")).contains("BAA");
        assertThat(stack.reason()).contains("Shield").contains("regulated");
        var env = Plans.step(plan, "environment:acme-space-production");
        assertThat(env.dependsOn()).contains("stack:acme-virginia");
        assertThat(env.parameters()).containsEntry("stack", "acme-virginia");
    }

    @Test
    void aPlainSpaceIsADedicatedStackRequest() {
        var stack = Plans.step(spacePlan(false, List.of("0.0.0.0/0")), "stack:acme-virginia");
        assertThat(stack.type()).isEqualTo("manual-task");
        assertThat(stack.reason()).doesNotContain("BAA");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"10.0.0.0/8,203.0.113.0/24 | 10.0.0.0/8,203.0.113.0/24", "0.0.0.0/0 | ''"})
    void trustedIpRangesBecomeTheEndpointAllowlist(String trusted, String allowlist) {
        var endpoint = Plans.step(spacePlan(false, List.of(trusted.split(","))), "endpoint:api/web");
        assertThat(endpoint.parameters()).containsEntry("ipAllowlist", allowlist);
    }

    private static PlanProposed regulatedPlan(boolean all, List<String> apps, AppInventory... inventory) {
        var estate = Estates.estate("d", "alice", "acc", List.of(inventory), List.of(), List.of());
        var settings = dev.ferry.planner.domain.PlannerSettings.defaults().withRegulated(all, apps);
        return dev.ferry.planner.domain.PlanRules.propose(estate, "account", settings, 1, null);
    }

    @Test
    void anAppMarkedRegulatedGetsADedicatedStackBehindTheBaaOutsideAShieldSpace() {
        PlanProposed plan = regulatedPlan(false, List.of("clinic"), web("clinic", null), web("blog", null));
        var stack = Plans.step(plan, "stack:acme-us");
        assertThat(stack.type()).isEqualTo("approval");
        assertThat(stack.parameters().get("instructions")).contains("BAA").contains("HIPAA");
        assertThat(stack.reason())
                .contains("clinic holds regulated data (PHI) by the setting planner.regulated.apps")
                .contains("outside any Shield space")
                .doesNotContain("Private Space");
        assertThat(stack.needsReview()).isNull();
        var env = Plans.step(plan, "environment:acme-us-production");
        assertThat(env.parameters()).containsEntry("stack", "acme-us");
        assertThat(env.dependsOn()).contains("stack:acme-us");
        assertThat(Plans.step(plan, "app:clinic").parameters()).containsEntry("environment", "acme-us-production");
        assertThat(Plans.step(plan, "app:blog").parameters()).containsEntry("environment", "acme-production");
        assertThat(Plans.step(plan, "environment:acme-production").parameters()).doesNotContainKey("stack");
        assertThat(plan.fidelity())
                .anyMatch(f -> f.app().equals("clinic")
                        && f.feature().equals("regulated data")
                        && f.note().contains("planner.regulated.apps"));
        assertThat(Plans.ofType(regulatedPlan(false, List.of(), web("clinic", null)), "approval"))
                .noneMatch(s -> s.id().startsWith("stack:"));
    }

    @Test
    void everyAppIsRegulatedWhenTheSettingSaysAll() {
        PlanProposed plan = regulatedPlan(true, List.of(), web("clinic", null), web("blog", null));
        var stack = Plans.step(plan, "stack:acme-us");
        assertThat(stack.type()).isEqualTo("approval");
        assertThat(stack.reason())
                .contains("blog, clinic hold regulated data (PHI) by the setting planner.regulated.all");
        assertThat(Plans.ofType(plan, "ensure-environment"))
                .allSatisfy(e -> assertThat(e.parameters()).containsEntry("stack", "acme-us"));
    }

    @Test
    void aRegulatedAppInAPlainSpaceTurnsItsStackRequestIntoTheBaaGate() {
        PrivateSpace space = Estates.space("acme-space", false, List.of());
        var estate = Estates.estate("d", "alice", "acc", List.of(web("api", "acme-space")), List.of(space), List.of());
        var settings = dev.ferry.planner.domain.PlannerSettings.defaults().withRegulated(false, List.of("api"));
        var stack = Plans.step(
                dev.ferry.planner.domain.PlanRules.propose(estate, "account", settings, 1, null),
                "stack:acme-virginia");
        assertThat(stack.type()).isEqualTo("approval");
        assertThat(stack.reason())
                .contains("Private Space acme-space isolates these apps")
                .contains("api holds regulated data (PHI) by the setting planner.regulated.apps");
    }

    @Test
    void natPeeringAndVpnGoToTheNetworkingChecklist() {
        var checklist = Plans.step(spacePlan(false, List.of("0.0.0.0/0")), "network:checklist")
                .parameters()
                .get("checklist");
        assertThat(checklist)
                .contains("52.0.0.1, 52.0.0.2")
                .contains("pcx-123")
                .contains("203.0.113.9")
                .contains("api.herokuapp.com")
                .contains("outbound IP");
    }

    @Test
    void anUndiscoveredSpaceIsFlaggedNotGuessed() {
        var app = web("api", "mystery-space");
        var estate = new dev.ferry.events.inventory.EstateDiscovered(
                "d",
                new dev.ferry.events.inventory.HerokuAccount("acc", "a@acme.example"),
                List.of(app),
                Estates.AT,
                "alice");
        PlanProposed plan = Plans.plan(estate);
        assertThat(Plans.step(plan, "stack:acme-us").needsReview()).contains("Shield");
        assertThat(Plans.step(plan, "network:checklist").needsReview()).contains("Private Spaces were not discovered");
    }

    @Test
    void severalSpacesShareAStackUnlessAsked() {
        var spaces = List.of(Estates.space("one", false, List.of()), Estates.space("two", true, List.of()));
        var estate = Estates.estate("d", "alice", "acc", List.of(web("a", "one"), web("b", "two")), spaces, List.of());
        PlanProposed shared = Plans.plan(estate);
        assertThat(Plans.ofType(shared, "approval").stream().map(s -> s.id())).contains("stack:acme-virginia");
        var perSpace = new dev.ferry.planner.domain.PlannerSettings(
                10_000_000_000L,
                90_000_000L,
                3.0,
                1800,
                2,
                List.of(16),
                List.of("7.0"),
                "r",
                true,
                86400,
                3600,
                1.5,
                50_000_000L,
                false,
                List.of());
        PlanProposed split = dev.ferry.planner.domain.PlanRules.propose(estate, "account", perSpace, 1, null);
        assertThat(Plans.find(split, "stack:one")).isPresent();
        assertThat(Plans.step(split, "stack:two").type()).isEqualTo("approval");
        assertThat(Plans.step(split, "stack:one").type()).isEqualTo("manual-task");
    }

    private static PlanProposed pipelinePlan() {
        var staging = Estates.app("shop-staging")
                .process("web", "bin/web", 1, "standard-1x")
                .domain("staging.acme.example", "custom")
                .pipeline("p1", "staging")
                .build();
        var production = Estates.app("shop")
                .process("web", "bin/web", 2, "standard-1x")
                .domain("shop.acme.example", "custom")
                .pipeline("p1", "production")
                .build();
        var other = Estates.app("blog").process("web", "bin/web", 1, "basic").build();
        var pipeline = new Pipeline(
                "p1",
                "shop",
                List.of(new Pipeline.Coupling("shop-staging", "staging"), new Pipeline.Coupling("shop", "production")));
        return Plans.plan(
                Estates.estate("d", "alice", "acc", List.of(staging, production, other), List.of(), List.of(pipeline)));
    }

    @Test
    void pipelineStagesBecomeSeparateEnvironmentsWithAccessNotes() {
        PlanProposed plan = pipelinePlan();
        var staging = Plans.step(plan, "environment:acme-staging");
        var production = Plans.step(plan, "environment:acme-production");
        assertThat(staging.parameters()).containsEntry("type", "development");
        assertThat(production.parameters()).containsEntry("type", "production");
        assertThat(staging.reason()).contains("Access:").contains("no production data");
        assertThat(production.reason()).contains("Access:").contains("operate production");
        assertThat(Plans.step(plan, "app:shop-staging").parameters()).containsEntry("environment", "acme-staging");
        assertThat(plan.production()).isTrue();
    }

    @Test
    void appsSharingAPipelineOrAnAddOnMoveInOneWaveStagingFirst() {
        PlanProposed plan = pipelinePlan();
        assertThat(Plans.step(plan, "app:blog").wave()).isEqualTo(1);
        assertThat(Plans.step(plan, "app:shop").wave()).isEqualTo(2);
        assertThat(Plans.step(plan, "app:shop-staging").wave()).isEqualTo(2);
        assertThat(Plans.step(plan, "window:w2-production").dependsOn()).contains("monitor:w2-staging");
        assertThat(Plans.step(plan, "window:w2-production").type()).isEqualTo("approval");
        assertThat(Plans.step(plan, "window:w2-staging").type()).isEqualTo("manual-task");

        AddOn shared = Estates.postgres(
                        "pg", "pg-shared", "a", List.of("a", "z"), "heroku-postgresql:standard-0", Estates.GB, false)
                .build();
        var a = Estates.app("a").process("web", "w", 1, "basic").addon(shared).build();
        var m = Estates.app("m").process("web", "w", 1, "basic").build();
        var z = Estates.app("z").process("web", "w", 1, "basic").addon(shared).build();
        PlanProposed waves = Plans.plan(Estates.estate("d", "alice", "acc", List.of(a, m, z), List.of(), List.of()));
        assertThat(Plans.step(waves, "app:a").wave()).isEqualTo(1);
        assertThat(Plans.step(waves, "app:z").wave()).isEqualTo(1);
        assertThat(Plans.step(waves, "app:m").wave()).isEqualTo(2);
        assertThat(Plans.ofType(waves, "ensure-database")).hasSize(1);
        assertThat(Plans.step(waves, "backup:pg-shared").dependsOn()).contains("maintenance-on:a", "maintenance-on:z");
    }

    @Test
    void customDomainsGetManagedTlsValidatedOverDnsAndWildcardsSayWhy() {
        var app = Estates.app("site")
                .process("web", "bin/web", 1, "basic")
                .domain("site.herokuapp.com", "heroku")
                .domain("www.acme.example", "custom")
                .domain("*.acme.example", "custom")
                .build();
        PlanProposed plan = Plans.plan(Estates.estate("d", "alice", "acc", List.of(app), List.of(), List.of()));
        var endpoint = Plans.step(plan, "endpoint:site/web");
        assertThat(endpoint.parameters())
                .containsEntry("domains", "*.acme.example")
                .containsEntry("managedTls", "true")
                .containsEntry("kind", "https")
                .containsEntry("internal", "false")
                .containsEntry("defaultDomain", "false");
        // An Aptible endpoint serves one custom domain: the second domain gets an endpoint of its own.
        assertThat(Plans.step(plan, "endpoint:site/web/www.acme.example").parameters())
                .containsEntry("domains", "www.acme.example")
                .containsEntry("managedTls", "true");
        assertThat(Plans.step(plan, "acme:site/*.acme.example").reason()).contains("Wildcard");
        assertThat(Plans.step(plan, "acme:site/www.acme.example").parameters().get("instructions"))
                .contains("_acme-challenge.www.acme.example");
        assertThat(Plans.step(plan, "verify-dns:site/www.acme.example").parameters())
                .containsEntry("hostname", "www.acme.example")
                .containsEntry("endpoint", "endpoint:site/web/www.acme.example");
        assertThat(Plans.step(plan, "switch:site/www.acme.example").dependsOn())
                .contains("acme:site/www.acme.example", "maintenance-on:site", "endpoint:site/web/www.acme.example");
    }

    @Test
    void uploadedCertificatesAndUnknownDomainsAreFlagged() {
        var app = Estates.app("site")
                .process("web", "bin/web", 1, "basic")
                .domain("secure.acme.example", "custom")
                .certificate("secure.acme.example", false)
                .build();
        PlanProposed plan = Plans.plan(Estates.estate("d", "alice", "acc", List.of(app), List.of(), List.of()));
        var endpoint = Plans.step(plan, "endpoint:site/web");
        assertThat(endpoint.parameters()).containsEntry("managedTls", "false");
        assertThat(endpoint.needsReview()).contains("uploaded certificates");
        assertThat(Plans.step(Plans.plan(Estates.shop("d", "alice")), "endpoint:acme-shop/web")
                        .needsReview())
                .contains("Domains were not discovered");
    }

    @Test
    void workersGetNoEndpointAndSpaceDnsDiscoveryGetsInternalOnes() {
        var worker =
                Estates.app("jobs").process("worker", "bin/jobs", 1, "basic").build();
        var internal = Estates.app("api")
                .process("web", "bin/web", 1, "private-s")
                .process("grpc", "bin/grpc", 1, "private-s")
                .space("acme-space")
                .features("spaces-dns-discovery")
                .build();
        PlanProposed plan = Plans.plan(Estates.estate(
                "d",
                "alice",
                "acc",
                List.of(worker, internal),
                List.of(Estates.space("acme-space", false, List.of())),
                List.of()));
        assertThat(Plans.ofType(plan, "ensure-endpoint").stream().filter(s -> "jobs".equals(s.app())))
                .isEmpty();
        var grpc = Plans.step(plan, "endpoint:api/grpc");
        assertThat(grpc.parameters()).containsEntry("internal", "true").containsEntry("service", "grpc");
        assertThat(grpc.dependsOn()).contains("scale:api/grpc");
        assertThat(Plans.step(plan, "switch:jobs").pointOfNoReturn()).isTrue();
    }

    @Test
    void theCutoverFollowsTheGuide() {
        PlanProposed plan = Plans.plan(Estates.demo("d", "alice"));
        var ttlWait = Plans.step(plan, "ttl-wait:w1-production");
        assertThat(ttlWait.gate()).isEqualTo("timed-wait");
        assertThat(ttlWait.waitSeconds()).isGreaterThanOrEqualTo(86_400L);
        var window = Plans.step(plan, "window:w1-production");
        assertThat(window.dependsOn()).contains("ttl-wait:w1-production", "validate:acme-shop", "validate:acme-admin");
        assertThat(Plans.step(plan, "backup:postgresql-acme-shop-primary").dependsOn())
                .contains("maintenance-on:acme-shop", "maintenance-on:acme-admin", "pause:acme-shop/worker");
        var copy = Plans.step(plan, "copy:postgresql-acme-shop-primary");
        assertThat(copy.parameters()).containsEntry("strategy", "dump-restore");
        assertThat(Estates.BOX.open(copy.secrets().get("sourceUrl"))).contains(Estates.DB_PASSWORD);
        assertThat(Plans.step(plan, "verify:postgresql-acme-shop-primary").dependsOn())
                .contains("copy:postgresql-acme-shop-primary");
        assertThat(Plans.step(plan, "repoint:acme-shop").dependsOn())
                .contains("verify:postgresql-acme-shop-primary", "copy-redis:redis-acme-shop-cache");
        var switchDns = Plans.step(plan, "switch:acme-shop/shop.acme.example");
        assertThat(switchDns.pointOfNoReturn()).isTrue();
        assertThat(switchDns.gate()).isEqualTo("manual-task");
        assertThat(switchDns.dependsOn()).contains("repoint:acme-shop");
        assertThat(Plans.step(plan, "monitor:w1-production").dependsOn())
                .contains("verify-dns:acme-shop/shop.acme.example", "switch:acme-admin");
        assertThat(Plans.step(plan, "monitor:w1-production").parameters().get("instructions"))
                .contains("fallback");
        assertThat(Plans.step(plan, "decommission-approval:w1-production").gate())
                .isEqualTo("approval");
        assertThat(Plans.step(plan, "decommission:w1-production").dependsOn())
                .containsExactly("decommission-approval:w1-production");
        assertThat(Plans.step(plan, "maintenance-on:acme-shop").compensation()).isEqualTo("heroku-maintenance");
        assertThat(plan.steps().stream().filter(s -> Boolean.TRUE.equals(s.pointOfNoReturn())))
                .extracting(s -> s.id())
                .containsExactlyInAnyOrder("switch:acme-admin", "switch:acme-shop/shop.acme.example");
    }

    @Test
    void aLargeDatabaseOpensAPredictedWindowOrSyncsAhead() {
        for (boolean logical : new boolean[] {false, true}) {
            AddOn big = Estates.postgres(
                            "pg",
                            "pg-big",
                            "big",
                            List.of("big"),
                            "heroku-postgresql:standard-4",
                            200 * Estates.GB,
                            logical)
                    .build();
            var app = Estates.app("big")
                    .process("web", "bin/web", 1, "basic")
                    .config("DATABASE_URL", "postgres://FAKE")
                    .addon(big)
                    .build();
            PlanProposed plan = Plans.plan(Estates.estate("d", "alice", "acc", List.of(app), List.of(), List.of()));
            var window = Plans.step(plan, "window:w1-production");
            String environment = Plans.step(plan, "db:pg-big").parameters().get("environment");
            assertThat(environment).isNotBlank();
            for (String dataStep : logical
                    ? List.of("sync:pg-big", "catchup:pg-big", "verify:pg-big")
                    : List.of("copy:pg-big", "verify:pg-big")) {
                assertThat(Plans.step(plan, dataStep).parameters())
                        .as("%s names the target's environment: a handle is unique only within one", dataStep)
                        .containsEntry("environment", environment);
            }
            if (logical) {
                assertThat(Plans.step(plan, "sync:pg-big").parameters()).containsEntry("strategy", "logical-sync");
                assertThat(window.dependsOn()).contains("sync:pg-big");
                var sync = Plans.step(plan, "sync:pg-big");
                var catchup = Plans.step(plan, "catchup:pg-big");
                assertThat(sync.secrets()).containsKey("sourceUrl");
                assertThat(sync.compensation()).isEqualTo("copy-postgres");
                assertThat(catchup.type()).isEqualTo("catch-up-postgres");
                assertThat(catchup.parameters())
                        .containsEntry("sourceAddon", "pg-big")
                        .containsEntry("targetDatabase", "pg-big");
                assertThat(catchup.secrets()).containsKey("sourceUrl");
                assertThat(catchup.dependsOn()).contains("sync:pg-big", "backup:pg-big");
                assertThat(Plans.step(plan, "verify:pg-big").dependsOn()).contains("catchup:pg-big");
                assertThat(PlanFiles.runbook(PlanDocument.of(plan)))
                        .contains("CREATE SUBSCRIPTION", "confirmed_flush_lsn", "DROP SUBSCRIPTION")
                        .doesNotContain("pglogical");
                assertThat(window.parameters()).containsEntry("predictedMinutes", "30");
            } else {
                assertThat(Plans.step(plan, "copy:pg-big").parameters())
                        .containsEntry("strategy", "parallel-dump-restore")
                        .containsEntry("jobs", "2");
                // 200 GB at 90 MB/s times 3 is 6,667 s, plus 1,800 s
                assertThat(window.parameters()).containsEntry("predictedMinutes", "142");
            }
        }
    }
}

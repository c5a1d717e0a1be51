package dev.ferry.planner.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.plan.FidelityItem;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.planner.Estates;
import dev.ferry.planner.RandomEstates;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fidelity report promises an on-aptible.com default domain only where the plan creates one. */
class EndpointRuleTest {

    static LongStream seeds() {
        return LongStream.range(1, 101);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theDefaultDomainIsPromisedOnlyWhereADefaultDomainEndpointIsPlanned(long seed) {
        assertPromisesMatchThePlan(Plans.plan(RandomEstates.estate(seed, 1 + (int) (seed % 25))));
    }

    @Test
    void anAppWithCustomDomainsIsToldItsHerokuappDomainHasNoCounterpart() {
        PlanProposed plan = Plans.plan(Estates.demo("d", "alice"));
        assertPromisesMatchThePlan(plan);

        assertThat(Plans.step(plan, "endpoint:acme-shop/web").parameters()).containsEntry("defaultDomain", "false");
        FidelityItem shop = domains(plan, "acme-shop");
        assertThat(shop.mapping()).isEqualTo("partial");
        assertThat(shop.note())
                .contains("1 custom domain(s), one endpoint each, with Managed TLS")
                .contains("the herokuapp.com default domain has no counterpart")
                .contains("acme-shop.herokuapp.com")
                .doesNotContain("on-aptible.com");

        assertThat(Plans.step(plan, "endpoint:acme-admin/web").parameters()).containsEntry("defaultDomain", "true");
        FidelityItem admin = domains(plan, "acme-admin");
        assertThat(admin.mapping()).isEqualTo("full");
        assertThat(admin.note()).contains("on-aptible.com default domain of endpoint:acme-admin/web");
    }

    private static void assertPromisesMatchThePlan(PlanProposed plan) {
        for (FidelityItem item : plan.fidelity()) {
            if (item.note().contains("on-aptible.com")) {
                PlanStep endpoint = Plans.step(plan, Ids.endpoint(item.app(), EndpointRule.WEB));
                assertThat(endpoint.parameters())
                        .as("%s promises the default domain: %s", item.app(), item.note())
                        .containsEntry("defaultDomain", "true");
            }
        }
    }

    private static FidelityItem domains(PlanProposed plan, String app) {
        return plan.fidelity().stream()
                .filter(f -> f.app().equals(app) && f.feature().equals("domains"))
                .findFirst()
                .orElseThrow();
    }
}

package dev.ferry.planner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.EventCodec;
import dev.ferry.events.plan.FidelityItem;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.planner.RandomEstates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanHashTest {

    /** The hash as the canonical JSON written to a string, then encoded as UTF-8 and digested. */
    private static String ofText(PlanProposed plan, List<FidelityItem> fidelity) throws Exception {
        String json = EventCodec.mapper()
                .writeValueAsString(new PlanHash.Canonical(
                        plan.planId(),
                        plan.environment(),
                        plan.production(),
                        plan.steps().stream().map(StepView::of).toList(),
                        fidelity));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
        return "sha256:" + HexFormat.of().formatHex(digest);
    }

    @Test
    void theStreamedHashIsTheHashOfTheCanonicalJsonText() throws Exception {
        PlanProposed plan = PlanRules.propose(RandomEstates.estate(7, 20));
        assertThat(plan.planHash()).isEqualTo(ofText(plan, plan.fidelity()));
    }

    @Test
    void nonAsciiAndControlCharactersHashAsTheirUtf8Text() throws Exception {
        PlanProposed plan = PlanRules.propose(RandomEstates.estate(8, 3));
        List<FidelityItem> fidelity = new ArrayList<>(plan.fidelity());
        fidelity.add(new FidelityItem("café-app", "größe", "partial", "naïve \"quoted\" \u0001 tab\t 😀 \u2028 end"));
        String streamed = PlanHash.of(plan.planId(), plan.environment(), plan.production(), plan.steps(), fidelity);
        assertThat(streamed).isEqualTo(ofText(plan, fidelity)).isNotEqualTo(plan.planHash());
    }
}

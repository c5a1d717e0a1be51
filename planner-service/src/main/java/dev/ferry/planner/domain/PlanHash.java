package dev.ferry.planner.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ferry.events.EventCodec;
import dev.ferry.events.plan.FidelityItem;
import dev.ferry.events.plan.PlanStep;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a plan's canonical JSON: its id, environment, steps (secrets by fingerprint, since
 * ciphertexts differ each time a value is sealed) and fidelity, with sorted maps and no timestamps,
 * so two inventories of an unchanged estate give the same hash.
 */
public final class PlanHash {
    private PlanHash() {}

    record Canonical(
            String planId, String environment, boolean production, List<StepView> steps, List<FidelityItem> fidelity) {}

    public static String of(
            String planId, String environment, boolean production, List<PlanStep> steps, List<FidelityItem> fidelity) {
        return of(canonicalJson(
                planId,
                environment,
                production,
                steps.stream().map(StepView::of).toList(),
                fidelity));
    }

    static String canonicalJson(
            String planId, String environment, boolean production, List<StepView> steps, List<FidelityItem> fidelity) {
        try {
            return EventCodec.mapper()
                    .writeValueAsString(new Canonical(planId, environment, production, steps, fidelity));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a plan as JSON", e);
        }
    }

    static String of(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

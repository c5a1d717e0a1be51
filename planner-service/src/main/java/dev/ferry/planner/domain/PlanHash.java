package dev.ferry.planner.domain;

import dev.ferry.events.EventCodec;
import dev.ferry.events.plan.FidelityItem;
import dev.ferry.events.plan.PlanStep;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
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
        MessageDigest sha256 = sha256();
        // streamed: the canonical JSON's UTF-8 bytes reach the digest without a 20 MB string; through a
        // Writer, since Jackson's byte generator would escape surrogate pairs and change the hash
        try (Writer digest = new OutputStreamWriter(
                new DigestOutputStream(OutputStream.nullOutputStream(), sha256), StandardCharsets.UTF_8)) {
            EventCodec.mapper()
                    .writeValue(
                            digest,
                            new Canonical(
                                    planId,
                                    environment,
                                    production,
                                    steps.stream().map(StepView::of).toList(),
                                    fidelity));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a plan as JSON", e);
        }
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

package dev.ferry.executor.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.EventCodec;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.executor.messaging.AuditTrail;
import dev.ferry.executor.repository.MigrationRecord;
import dev.ferry.executor.repository.PlanRecord;
import dev.ferry.executor.repository.PlanVersionRecord;
import dev.ferry.executor.repository.Repositories;
import dev.ferry.executor.repository.StepRecord;
import dev.ferry.executor.service.AuditQueries.AuditEntry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Builds a migration's evidence pack from the projection and seals it with a SHA-256 digest of its
 * canonical form ({@link EvidenceDigest}) and, when a key is configured, an Ed25519 signature
 * ({@link EvidenceSigner}), so an auditor can tell it was not altered after Ferry wrote it.
 */
@ApplicationScoped
public class EvidencePacks {
    private static final Logger LOG = Logger.getLogger(EvidencePacks.class);
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};
    private static final Set<String> DATA_STEPS = Set.of("copy-postgres", "verify-postgres", "copy-redis");

    private final Repositories.Migrations migrations;
    private final Repositories.Steps steps;
    private final Repositories.Plans plans;
    private final Repositories.PlanVersions versions;
    private final AuditQueries audit;
    private final EvidenceSigner signer;
    private final Clock clock;

    public EvidencePacks(
            Repositories.Migrations migrations,
            Repositories.Steps steps,
            Repositories.Plans plans,
            Repositories.PlanVersions versions,
            AuditQueries audit,
            EvidenceSigner signer,
            Clock clock) {
        this.migrations = migrations;
        this.steps = steps;
        this.plans = plans;
        this.versions = versions;
        this.audit = audit;
        this.signer = signer;
        this.clock = clock;
    }

    /** The evidence of a migration and its digest. */
    public record Pack(Evidence evidence, String digest, String json) {}

    /** The evidence pack of a migration; 404 when it is unknown. */
    @WithSession
    public Uni<Pack> of(String migrationId) {
        // One reactive session runs one query at a time: read each table in turn.
        return migrations
                .findById(migrationId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No migration with id " + migrationId))
                .flatMap(m -> steps.of(migrationId)
                        .flatMap(stepRows -> versions.find(m.planId, m.planVersion)
                                .flatMap(version -> plans.findById(m.planId)
                                        .flatMap(plan -> audit.entries(migrationId)
                                                .map(entries -> pack(m, stepRows, version, plan, entries))))));
    }

    private Pack pack(
            MigrationRecord m,
            List<StepRecord> rows,
            PlanVersionRecord version,
            PlanRecord plan,
            List<AuditEntry> trail) {
        Map<String, PlanStep> planSteps = plan != null && plan.version == m.planVersion
                ? MigrationStore.steps(plan).stream().collect(Collectors.toMap(PlanStep::id, Function.identity()))
                : Map.of();
        Evidence evidence = new Evidence(
                Evidence.FORMAT,
                clock.instant(),
                migration(m),
                plan(m, version),
                trail.stream()
                        .filter(e ->
                                e.action().equals("approve-gate") && e.outcome().equals(AuditTrail.ACCEPTED))
                        .map(e -> new Evidence.GateApproval(e.stepId(), e.actor(), e.via(), e.at(), e.comment()))
                        .toList(),
                rows.stream().map(r -> step(r, planSteps.get(r.stepId))).toList(),
                trail);
        String digest = EvidenceDigest.sha256(evidence);
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.set("evidence", EventCodec.mapper().valueToTree(evidence));
        ObjectNode seal = document.putObject("digest");
        seal.put("algorithm", EvidenceDigest.ALGORITHM);
        seal.put("canonicalization", EvidenceDigest.CANONICALIZATION);
        seal.put("value", digest);
        signer.sign(EvidenceDigest.canonical(evidence)).ifPresent(signed -> {
            ObjectNode signature = document.putObject("signature");
            signature.put("algorithm", EvidenceSigner.ALGORITHM);
            signature.put("keyId", signed.keyId());
            signature.put("signs", "the canonical evidence member, the bytes the digest is computed over");
            signature.put("value", signed.value());
        });
        LOG.infof(
                "Evidence pack of migration %s generated at %s with SHA-256 %s", m.id, evidence.generatedAt(), digest);
        return new Pack(evidence, digest, EvidenceDigest.canonical(document));
    }

    private static Evidence.MigrationPart migration(MigrationRecord m) {
        return new Evidence.MigrationPart(
                m.id,
                m.status,
                m.environment,
                m.startedAt,
                m.finishedAt,
                m.finishedAt == null
                        ? null
                        : Duration.between(m.startedAt, m.finishedAt).toMillis(),
                m.failedStep,
                m.failureReason);
    }

    private static Evidence.PlanPart plan(MigrationRecord m, PlanVersionRecord v) {
        if (v == null) {
            return new Evidence.PlanPart(
                    m.planId, m.planVersion, m.environment, null, null, null, null, null, null, null, null, null);
        }
        boolean approved = "approved".equals(v.decision);
        return new Evidence.PlanPart(
                v.planId,
                v.version,
                v.environment,
                v.planHash,
                v.production,
                v.stepCount,
                v.requestedBy,
                v.proposedAt,
                v.decision,
                approved ? v.decidedBy : null,
                approved ? v.decidedAt : null,
                approved ? v.decisionComment : null);
    }

    private static Evidence.StepPart step(StepRecord r, PlanStep planStep) {
        Map<String, String> outputs = new TreeMap<>(ProjectionJson.read(r.outputsJson, STRINGS));
        Evidence.Verification verification = DATA_STEPS.contains(r.stepType)
                ? new Evidence.Verification(r.status.equals("succeeded") ? "passed" : r.status, outputs)
                : null;
        List<Evidence.SecretRef> secrets = planStep == null
                ? List.of()
                : new TreeMap<>(planStep.secrets())
                        .entrySet().stream()
                                .map(e -> new Evidence.SecretRef(
                                        e.getKey(), e.getValue().fingerprint()))
                                .toList();
        return new Evidence.StepPart(
                r.stepId,
                r.stepType,
                r.status,
                r.attempts,
                r.startedAt,
                r.finishedAt,
                r.durationMs,
                r.summary,
                r.error,
                new TreeMap<>(ProjectionJson.read(r.operationsJson, STRINGS)),
                outputs,
                verification,
                secrets,
                r.compensatedAt);
    }
}

package dev.ferry.executor.service;

import dev.ferry.executor.service.AuditQueries.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an evidence pack says about one migration: the plan version that ran and its hash, who asked
 * for it and who approved it, every gate approval, every step with its timings, operations and
 * verification figures, and the audit trail. Secrets appear only as names and fingerprints.
 */
public record Evidence(
        String format,
        Instant generatedAt,
        MigrationPart migration,
        PlanPart plan,
        List<GateApproval> gateApprovals,
        List<StepPart> steps,
        List<AuditEntry> audit) {
    public static final String FORMAT = "ferry-evidence/1";

    /** The migration's outcome and times. */
    public record MigrationPart(
            String id,
            String status,
            String environment,
            Instant startedAt,
            Instant finishedAt,
            Long durationMs,
            String failedStep,
            String failureReason) {}

    /**
     * The plan version that ran: its hash as the planner computed it (null when the planner did not
     * record one), who requested it and who approved it.
     */
    public record PlanPart(
            String id,
            int version,
            String environment,
            String planHash,
            Boolean production,
            Integer stepCount,
            String requestedBy,
            Instant requestedAt,
            String decision,
            String approvedBy,
            Instant approvedAt,
            String approvalComment) {}

    /** A person approved a gate or confirmed a manual task. */
    public record GateApproval(String stepId, String approvedBy, String via, Instant at, String comment) {}

    /** A secret a step used, as people may see it. */
    public record SecretRef(String name, String fingerprint) {}

    /**
     * What a data step verified: {@code passed} when the step succeeded (its checks compare counts and
     * checksums and fail the step on any difference), else the step's status; the figures are the step's
     * outputs (tables, rows, keys, per-table counts and checksums where recorded).
     */
    public record Verification(String result, Map<String, String> figures) {}

    /** One step: how it went, when, how long, which Aptible operations it ran. */
    public record StepPart(
            String stepId,
            String type,
            String status,
            int attempts,
            Instant startedAt,
            Instant finishedAt,
            Long durationMs,
            String summary,
            String error,
            Map<String, String> operations,
            Map<String, String> outputs,
            Verification verification,
            List<SecretRef> secrets,
            Instant compensatedAt) {}
}

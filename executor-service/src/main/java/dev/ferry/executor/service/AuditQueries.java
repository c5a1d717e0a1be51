package dev.ferry.executor.service;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.executor.repository.AuditRecord;
import dev.ferry.executor.repository.Repositories;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads the audit trail: one migration's entries, or the whole estate's filtered and paged. */
@ApplicationScoped
public class AuditQueries {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final Repositories.Audit audit;
    private final Repositories.Migrations migrations;

    public AuditQueries(Repositories.Audit audit, Repositories.Migrations migrations) {
        this.audit = audit;
        this.migrations = migrations;
    }

    /**
     * One audit entry.
     *
     * @param id the id of the event it was projected from
     * @param action {@code request-plan}, {@code approve-plan}, {@code reject-plan}, {@code start}, {@code
     *     approve-gate}, {@code retry-step}, {@code pause}, {@code resume}, {@code cancel}, {@code rollback},
     *     {@code complete}, {@code fail}, {@code rollback-fail}, {@code rolled-back}
     * @param via {@code rest} or {@code slack} for people's migration commands; null when not recorded
     * @param outcome {@code accepted} or {@code rejected} for people's requests, {@code recorded} for the
     *     migration's own milestones (actor {@code ferry})
     */
    public record AuditEntry(
            String id,
            Instant at,
            String migrationId,
            String planId,
            Integer planVersion,
            String actor,
            String action,
            String stepId,
            String via,
            String outcome,
            String reason,
            String comment) {
        public static AuditEntry of(AuditRecord r) {
            return new AuditEntry(
                    r.eventId,
                    r.at,
                    r.migrationId,
                    r.planId,
                    r.planVersion,
                    r.actor,
                    r.action,
                    r.stepId,
                    r.via,
                    r.outcome,
                    r.reason,
                    r.comment);
        }
    }

    /** One migration's trail. */
    public record MigrationAudit(String migrationId, List<AuditEntry> entries) {}

    /**
     * A page of the estate's trail, oldest first.
     *
     * @param nextOffset the offset of the next page, null on the last one
     */
    public record AuditPage(List<AuditEntry> entries, long total, int offset, int limit, Integer nextOffset) {}

    /** Every entry of a migration, oldest first; 404 for an unknown migration. */
    @WithSession
    public Uni<MigrationAudit> of(String migrationId) {
        return migrations
                .findById(migrationId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No migration with id " + migrationId))
                .flatMap(m -> entries(migrationId))
                .map(entries -> new MigrationAudit(migrationId, entries));
    }

    /** Every entry of a migration, oldest first, without checking that it exists; inside a session. */
    public Uni<List<AuditEntry>> entries(String migrationId) {
        return audit.of(migrationId)
                .map(list -> list.stream().map(AuditEntry::of).toList());
    }

    /** A page of the trail; each filter is optional. 400 for a bad time, limit or offset. */
    public Uni<AuditPage> search(
            String actor, String migrationId, String since, String action, String limit, String offset) {
        Instant from = since(since);
        int size = number("limit", limit, DEFAULT_LIMIT);
        int start = number("offset", offset, 0);
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", not " + size);
        }
        if (start < 0) {
            throw ProblemException.badRequest("offset must not be negative, not " + start);
        }
        String who = blankToNull(actor);
        String migration = blankToNull(migrationId);
        String what = blankToNull(action);
        // One reactive session runs one query at a time: count, then read the page.
        return Panache.withSession(() -> audit.count(who, migration, from, what)
                .flatMap(total -> audit.search(who, migration, from, what, start, size)
                        .map(list -> new AuditPage(
                                list.stream().map(AuditEntry::of).toList(),
                                total,
                                start,
                                size,
                                start + list.size() < total ? start + list.size() : null))));
    }

    private static Instant since(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(
                    "since must be an ISO-8601 instant such as 2026-01-31T09:00:00Z, not '" + since + "'");
        }
    }

    private static int number(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package dev.ferry.events.migration;

import dev.ferry.events.EventType;
import dev.ferry.events.Nullable;
import java.time.Instant;

/**
 * The executor refused a person's command about this migration (a Slack button on a gate already
 * approved, a retry of a step that no longer failed): recorded so the audit trail shows who asked for
 * what and why it was refused. Changes nothing in the migration.
 *
 * @param commandId the id of the refused command on ferry.commands
 * @param action what was asked: {@code pause}, {@code resume}, {@code cancel}, {@code rollback},
 *     {@code retry-step} or {@code approve-gate}
 * @param stepId the step the command named, if any
 * @param via {@code rest} or {@code slack}
 */
@EventType(name = "ferry.migration.command-rejected")
public record CommandRejected(
        String migrationId,
        String commandId,
        String action,
        @Nullable String stepId,
        String requestedBy,
        String via,
        String reason,
        Instant requestedAt,
        Instant rejectedAt)
        implements MigrationEvent {}

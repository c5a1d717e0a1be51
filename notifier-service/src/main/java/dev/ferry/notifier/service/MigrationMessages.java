package dev.ferry.notifier.service;

import static dev.ferry.notifier.domain.Mrkdwn.block;
import static dev.ferry.notifier.domain.Mrkdwn.code;
import static dev.ferry.notifier.domain.Mrkdwn.escape;

import dev.ferry.events.migration.GateApproved;
import dev.ferry.events.migration.GateOpened;
import dev.ferry.events.migration.MigrationCancelled;
import dev.ferry.events.migration.MigrationCompleted;
import dev.ferry.events.migration.MigrationEvent;
import dev.ferry.events.migration.MigrationFailed;
import dev.ferry.events.migration.MigrationPaused;
import dev.ferry.events.migration.MigrationResumed;
import dev.ferry.events.migration.MigrationRolledBack;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.migration.OperationRecorded;
import dev.ferry.events.migration.RollbackStarted;
import dev.ferry.events.migration.StepCompensated;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.migration.StepProgress;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.notifier.domain.Actions;
import dev.ferry.notifier.domain.Block;
import dev.ferry.notifier.domain.Durations;
import dev.ferry.notifier.domain.Mrkdwn;
import dev.ferry.notifier.domain.SlackMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Words for what happens while a migration runs: outcomes, gates (with an approve button), failed
 * steps (with a retry button), pauses, cancellation and rollback. The noisy kinds (step started,
 * progress, operations) get a short message, sent only to subscriptions that ask for them.
 */
@ApplicationScoped
public class MigrationMessages {
    static final int MAX_DETAIL = 2500;

    private final Links links;

    public MigrationMessages(Links links) {
        this.links = links;
    }

    public Optional<SlackMessage> of(MigrationEvent event) {
        if (event instanceof StepSucceeded e) {
            return Optional.of(stepSucceeded(e));
        } else if (event instanceof StepFailed e) {
            return Optional.of(stepFailed(e));
        } else if (event instanceof MigrationStarted e) {
            return Optional.of(started(e));
        } else if (event instanceof MigrationCompleted e) {
            return Optional.of(completed(e));
        } else if (event instanceof MigrationFailed e) {
            return Optional.of(failed(e));
        } else if (event instanceof GateOpened e) {
            return Optional.of(gateOpened(e));
        } else if (event instanceof GateApproved e) {
            return Optional.of(gateApproved(e));
        } else if (event instanceof MigrationPaused e) {
            return Optional.of(
                    simple(e.migrationId(), ":double_vertical_bar:", "Migration paused", "paused", e.by(), null));
        } else if (event instanceof MigrationResumed e) {
            return Optional.of(
                    simple(e.migrationId(), ":arrow_forward:", "Migration resumed", "resumed", e.by(), null));
        } else if (event instanceof MigrationCancelled e) {
            return Optional.of(simple(
                    e.migrationId(), ":octagonal_sign:", "Migration cancelled", "cancelled", e.by(), e.reason()));
        } else if (event instanceof RollbackStarted e) {
            return Optional.of(rollbackStarted(e));
        } else if (event instanceof StepCompensated e) {
            return Optional.of(stepCompensated(e));
        } else if (event instanceof MigrationRolledBack e) {
            return Optional.of(simple(e.migrationId(), ":rewind:", "Migration rolled back", "rolled back", null, null));
        } else if (event instanceof StepStarted e) {
            return Optional.of(stepStarted(e));
        } else if (event instanceof StepProgress e) {
            return Optional.of(stepProgress(e));
        } else if (event instanceof OperationRecorded e) {
            return Optional.of(operation(e));
        }
        return Optional.empty();
    }

    private SlackMessage stepSucceeded(StepSucceeded e) {
        String duration = Durations.human(e.durationMs());
        return message(
                e.migrationId(),
                ":white_check_mark: Step " + e.stepId() + " (" + e.stepType() + ") succeeded in " + duration + ": "
                        + e.summary(),
                Block.header(":white_check_mark: Step succeeded: " + e.stepId()),
                Block.fields(List.of(
                        "*Status*\nsucceeded",
                        "*Step*\n" + code(e.stepId()),
                        "*Type*\n" + code(e.stepType()),
                        "*Duration*\n" + duration)),
                Block.section("*Summary*\n" + escape(Mrkdwn.truncate(e.summary(), MAX_DETAIL))));
    }

    private SlackMessage stepFailed(StepFailed e) {
        String duration = Durations.human(e.durationMs());
        return message(
                e.migrationId(),
                ":x: Step " + e.stepId() + " (" + e.stepType() + ") failed on attempt " + e.attempt() + " after "
                        + duration + ": " + Mrkdwn.truncate(e.error(), MAX_DETAIL),
                Block.header(":x: Step failed: " + e.stepId()),
                Block.fields(List.of(
                        "*Status*\nfailed (attempt " + e.attempt() + ")",
                        "*Step*\n" + code(e.stepId()),
                        "*Type*\n" + code(e.stepType()),
                        "*Duration*\n" + duration)),
                Block.section("*Error*\n" + block(Mrkdwn.truncate(e.error(), MAX_DETAIL))),
                Block.actions(
                        "step-retry",
                        List.of(Block.Button.of(
                                "Retry " + e.stepId(),
                                Actions.RETRY_STEP,
                                Actions.stepValue(e.migrationId(), e.stepId()),
                                "primary"))));
    }

    private SlackMessage started(MigrationStarted e) {
        return message(
                e.migrationId(),
                ":rocket: Migration started: plan " + e.planId() + " v" + e.planVersion() + " to " + e.environment()
                        + ", " + e.stepIds().size() + " steps",
                Block.header(":rocket: Migration started"),
                Block.fields(List.of(
                        "*Status*\nstarted",
                        "*Plan*\n" + code(e.planId()) + " v" + e.planVersion(),
                        "*Environment*\n" + code(e.environment()),
                        "*Steps*\n" + e.stepIds().size())));
    }

    private SlackMessage completed(MigrationCompleted e) {
        String duration = Durations.human(e.durationMs());
        return message(
                e.migrationId(),
                ":tada: Migration completed: all " + e.stepCount() + " steps of plan " + e.planId() + " succeeded in "
                        + duration,
                Block.header(":tada: Migration completed"),
                Block.fields(List.of(
                        "*Status*\ncompleted",
                        "*Plan*\n" + code(e.planId()),
                        "*Steps*\n" + e.stepCount(),
                        "*Duration*\n" + duration)));
    }

    private SlackMessage failed(MigrationFailed e) {
        return message(
                e.migrationId(),
                ":rotating_light: Migration failed at step " + e.failedStepId() + ": "
                        + Mrkdwn.truncate(e.reason(), MAX_DETAIL),
                Block.header(":rotating_light: Migration failed"),
                Block.fields(List.of(
                        "*Status*\nfailed", "*Plan*\n" + code(e.planId()), "*Failed step*\n" + code(e.failedStepId()))),
                Block.section("*Reason*\n" + block(Mrkdwn.truncate(e.reason(), MAX_DETAIL))));
    }

    private SlackMessage gateOpened(GateOpened e) {
        boolean manual = "manual-task".equals(e.gate());
        String title = manual ? "Manual task waiting" : "Approval needed";
        return message(
                e.migrationId(),
                ":raised_hand: " + title + " at step " + e.stepId() + ": " + Mrkdwn.truncate(e.instructions(), 500),
                Block.header(":raised_hand: " + title + ": " + e.stepId()),
                Block.fields(List.of(
                        "*Status*\nwaiting for a person",
                        "*Step*\n" + code(e.stepId()),
                        "*Gate*\n" + escape(e.gate()))),
                Block.section("*What to do*\n" + escape(Mrkdwn.truncate(e.instructions(), MAX_DETAIL))),
                Block.actions(
                        "gate-decision",
                        List.of(Block.Button.of(
                                manual ? "Done, continue" : "Approve " + e.stepId(),
                                Actions.APPROVE_GATE,
                                Actions.stepValue(e.migrationId(), e.stepId()),
                                "primary"))));
    }

    private SlackMessage gateApproved(GateApproved e) {
        return message(
                e.migrationId(),
                ":white_check_mark: Gate at step " + e.stepId() + " approved by " + e.approvedBy() + " via " + e.via(),
                Block.header(":white_check_mark: Gate approved: " + e.stepId()),
                Block.fields(List.of(
                        "*Status*\napproved",
                        "*Step*\n" + code(e.stepId()),
                        "*By*\n" + escape(e.approvedBy()) + " (" + escape(e.via()) + ")",
                        "*Comment*\n" + (e.comment() == null ? "none" : escape(e.comment())))));
    }

    private SlackMessage rollbackStarted(RollbackStarted e) {
        List<String> steps = e.stepIds() == null ? List.of() : e.stepIds();
        return message(
                e.migrationId(),
                ":rewind: Rollback started by " + e.by() + ": " + steps.size() + " step(s) to undo",
                Block.header(":rewind: Rollback started"),
                Block.fields(List.of(
                        "*Status*\nrolling back", "*By*\n" + escape(e.by()), "*Steps to undo*\n" + steps.size())),
                Block.section("*Order*\n"
                        + (steps.isEmpty()
                                ? "nothing to undo"
                                : Mrkdwn.truncate(
                                        String.join(
                                                " → ",
                                                steps.stream().map(s -> code(s)).toList()),
                                        MAX_DETAIL))));
    }

    private SlackMessage stepCompensated(StepCompensated e) {
        return message(
                e.migrationId(),
                ":leftwards_arrow_with_hook: Step " + e.stepId() + " undone: " + e.summary(),
                Block.header(":leftwards_arrow_with_hook: Step undone: " + e.stepId()),
                Block.fields(List.of(
                        "*Status*\ncompensated", "*Step*\n" + code(e.stepId()), "*Type*\n" + code(e.stepType()))),
                Block.section("*Summary*\n" + escape(Mrkdwn.truncate(e.summary(), MAX_DETAIL))));
    }

    private SlackMessage stepStarted(StepStarted e) {
        return message(
                e.migrationId(),
                ":arrow_forward: Step " + e.stepId() + " (" + e.stepType() + ") started, attempt " + e.attempt(),
                Block.header(":arrow_forward: Step started: " + e.stepId()),
                Block.fields(List.of(
                        "*Status*\nstarted (attempt " + e.attempt() + ")",
                        "*Step*\n" + code(e.stepId()),
                        "*Type*\n" + code(e.stepType()))));
    }

    private SlackMessage stepProgress(StepProgress e) {
        String of = e.bytesTotal() == null ? "" : " of " + e.bytesTotal();
        return message(
                e.migrationId(),
                ":hourglass: Step " + e.stepId() + ": " + e.message(),
                Block.header(":hourglass: Step in progress: " + e.stepId()),
                Block.fields(List.of(
                        "*Status*\nin progress",
                        "*Step*\n" + code(e.stepId()),
                        "*Bytes*\n" + e.bytesDone() + of,
                        "*ETA*\n" + (e.etaSeconds() == null ? "unknown" : Durations.human(e.etaSeconds() * 1000)))),
                Block.section(escape(Mrkdwn.truncate(e.message(), MAX_DETAIL))));
    }

    private SlackMessage operation(OperationRecorded e) {
        return message(
                e.migrationId(),
                ":gear: Step " + e.stepId() + " asked Aptible for a " + e.operationType() + " operation ("
                        + e.operationId() + ")",
                Block.header(":gear: Aptible operation: " + e.stepId()),
                Block.fields(List.of(
                        "*Status*\noperation requested",
                        "*Step*\n" + code(e.stepId()),
                        "*Operation*\n" + code(e.operationType()) + " " + code(e.operationId()),
                        "*Resource*\n" + code(e.resource()))));
    }

    /** A state change made by a person (or the end of a rollback): header, status, who, why. */
    private SlackMessage simple(String migrationId, String emoji, String title, String status, String by, String why) {
        List<String> fields = new ArrayList<>(List.of("*Status*\n" + status));
        if (by != null) {
            fields.add("*By*\n" + escape(by));
        }
        if (why != null) {
            fields.add("*Reason*\n" + escape(Mrkdwn.truncate(why, 1000)));
        }
        return message(
                migrationId,
                emoji + " " + title + (by == null ? "" : " by " + by) + (why == null ? "" : ": " + why),
                Block.header(emoji + " " + title),
                Block.fields(fields));
    }

    /** Adds the context line and the fallback text's link, the same for every migration message. */
    private SlackMessage message(String migrationId, String text, Block... blocks) {
        String url = links.migration(migrationId);
        List<Block> all = new ArrayList<>(List.of(blocks));
        all.add(Block.context(List.of(
                "Migration " + code(migrationId) + " · " + Mrkdwn.link(url, "/api/migrations/" + migrationId))));
        return new SlackMessage(
                Mrkdwn.truncate(escape(text), 3500) + "\nMigration " + escape(migrationId) + ": " + url,
                List.copyOf(all));
    }
}

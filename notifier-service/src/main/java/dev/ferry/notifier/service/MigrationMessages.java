package dev.ferry.notifier.service;

import static dev.ferry.notifier.domain.Mrkdwn.block;
import static dev.ferry.notifier.domain.Mrkdwn.code;
import static dev.ferry.notifier.domain.Mrkdwn.escape;

import dev.ferry.events.migration.MigrationCompleted;
import dev.ferry.events.migration.MigrationEvent;
import dev.ferry.events.migration.MigrationFailed;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.notifier.domain.Block;
import dev.ferry.notifier.domain.Durations;
import dev.ferry.notifier.domain.Mrkdwn;
import dev.ferry.notifier.domain.SlackMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Words for what happens while a migration runs. {@link StepStarted} gets none: its outcome follows
 * within the step's run and is the message people need.
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
                Block.section("*Error*\n" + block(Mrkdwn.truncate(e.error(), MAX_DETAIL))));
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

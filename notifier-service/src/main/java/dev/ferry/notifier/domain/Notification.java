package dev.ferry.notifier.domain;

import java.util.List;

/**
 * What to tell people about one event, before it is sent.
 *
 * @param kind the event kind, e.g. {@code step-failed}
 * @param migrationId the migration the event is about, or null (plan events)
 * @param planId the plan the event is about, when known
 */
public record Notification(
        String sourceEventId,
        String sourceEventType,
        String kind,
        String migrationId,
        String planId,
        SlackMessage message) {

    /** The header and the context line only: for kinds a subscription wants quiet. */
    public Notification compact() {
        List<Block> kept = message.blocks().stream()
                .filter(b -> b instanceof Block.Header || b instanceof Block.Context)
                .toList();
        return new Notification(
                sourceEventId, sourceEventType, kind, migrationId, planId, new SlackMessage(message.text(), kept));
    }
}

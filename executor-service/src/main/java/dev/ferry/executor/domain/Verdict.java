package dev.ferry.executor.domain;

import dev.ferry.events.migration.MigrationEvent;
import java.util.List;

/** The aggregate's answer to a command: the events to append, or why not. */
public sealed interface Verdict {

    record Accepted(List<MigrationEvent> events) implements Verdict {}

    /**
     * @param notFound the command names a step that does not exist (404); otherwise it conflicts with
     *     the migration's state (409)
     */
    record Rejected(boolean notFound, String reason) implements Verdict {}

    static Verdict accept(MigrationEvent... events) {
        return new Accepted(List.of(events));
    }

    static Verdict conflict(String reason) {
        return new Rejected(false, reason);
    }

    static Verdict notFound(String reason) {
        return new Rejected(true, reason);
    }
}

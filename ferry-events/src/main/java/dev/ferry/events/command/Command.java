package dev.ferry.events.command;

import dev.ferry.events.FerryEvent;

/**
 * A person's request, appended to the commands topic by whoever received it (REST or Slack) and
 * decided by the service that owns the target aggregate. Keyed by the target's id.
 */
public sealed interface Command extends FerryEvent permits PlanCommand, MigrationCommand {

    /** Who asked, as the identity provider or the Slack user mapping names them. */
    String requestedBy();

    /** {@code rest} or {@code slack}. */
    String via();
}

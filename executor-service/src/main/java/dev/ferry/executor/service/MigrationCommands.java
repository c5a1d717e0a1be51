package dev.ferry.executor.service;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.EventIds;
import dev.ferry.events.command.ApproveGate;
import dev.ferry.events.command.CancelMigration;
import dev.ferry.events.command.MigrationCommand;
import dev.ferry.events.command.PauseMigration;
import dev.ferry.events.command.ResumeMigration;
import dev.ferry.events.command.RetryStep;
import dev.ferry.events.command.RollbackMigration;
import dev.ferry.events.migration.CommandRejected;
import dev.ferry.events.migration.MigrationEvent;
import dev.ferry.executor.domain.Verdict;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * People's requests about migrations. REST checks a command against the aggregate and appends it to
 * ferry.commands; the commands consumer (whatever appended it: REST or Slack) decides it again against
 * the latest state and appends the events it leads to.
 */
@ApplicationScoped
public class MigrationCommands {
    private static final Logger LOG = Logger.getLogger(MigrationCommands.class);

    private final MigrationStore store;
    private final EventLog eventLog;
    private final Clock clock;

    public MigrationCommands(MigrationStore store, EventLog eventLog, Clock clock) {
        this.store = store;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** What was appended for a request. */
    public record Submitted(String commandId, String type, String migrationId) {}

    /** Appends the command if the migration would accept it now; otherwise a 404 or 409 and nothing appended. */
    public Uni<Submitted> submit(MigrationCommand command) {
        return store.load(command.migrationId())
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No migration with id " + command.migrationId()))
                .flatMap(loaded -> {
                    Verdict verdict = loaded.migration().decide(command, clock.instant());
                    if (verdict instanceof Verdict.Rejected rejected) {
                        return Uni.createFrom()
                                .failure(
                                        rejected.notFound()
                                                ? ProblemException.notFound(rejected.reason())
                                                : ProblemException.conflict(rejected.reason()));
                    }
                    return eventLog.append(command)
                            .map(event -> new Submitted(event.id(), event.type(), command.migrationId()));
                });
    }

    /** Decides a consumed command and appends its events, with ids derived from the command's. */
    public Uni<Void> decide(String commandId, MigrationCommand command) {
        return store.load(command.migrationId()).flatMap(loaded -> {
            if (loaded == null) {
                LOG.warnf("Ignoring %s for unknown migration %s", type(command), command.migrationId());
                return Uni.createFrom().voidItem();
            }
            Verdict verdict = loaded.migration().decide(command, clock.instant());
            if (verdict instanceof Verdict.Rejected rejected) {
                return refuse(commandId, command, rejected);
            }
            List<MigrationEvent> events = ((Verdict.Accepted) verdict).events();
            LOG.infof(
                    "%s by %s via %s on %s",
                    type(command), command.requestedBy(), command.via(), command.migrationId());
            return Multi.createFrom()
                    .range(0, events.size())
                    .onItem()
                    .transformToUniAndConcatenate(i ->
                            eventLog.append(EventIds.derive(commandId, "decided", Integer.toString(i)), events.get(i)))
                    .collect()
                    .last()
                    .replaceWithVoid();
        });
    }

    /**
     * Records a refusal for the audit trail (the migration ignores it), unless this command was accepted
     * before: a command redelivered after its events were appended is decided again against the state
     * it already changed, and would otherwise be refused after the fact.
     */
    private Uni<Void> refuse(String commandId, MigrationCommand command, Verdict.Rejected rejected) {
        String acceptedId = EventIds.derive(commandId, "decided", "0");
        return Panache.withSession(() -> Panache.getSession()
                        .flatMap(session -> session.createNativeQuery(
                                        "select count(*) from processed_event where event_id = ?1", Long.class)
                                .setParameter(1, acceptedId)
                                .getSingleResult()))
                .flatMap(seen -> {
                    if (seen > 0) {
                        LOG.infof("%s %s was accepted before; not refusing it now", type(command), commandId);
                        return Uni.createFrom().voidItem();
                    }
                    LOG.warnf(
                            "Refusing %s from %s via %s: %s",
                            type(command), command.requestedBy(), command.via(), rejected.reason());
                    CommandRejected refusal = new CommandRejected(
                            command.migrationId(),
                            commandId,
                            action(command),
                            stepOf(command),
                            command.requestedBy(),
                            command.via(),
                            rejected.reason(),
                            requestedAt(command),
                            clock.instant());
                    return eventLog.append(EventIds.derive(commandId, "rejected"), refusal)
                            .replaceWithVoid();
                });
    }

    private static String type(MigrationCommand command) {
        return command.getClass().getSimpleName();
    }

    /** The audit trail's name for what a command asks. */
    public static String action(MigrationCommand command) {
        if (command instanceof ApproveGate) {
            return "approve-gate";
        } else if (command instanceof RetryStep) {
            return "retry-step";
        } else if (command instanceof PauseMigration) {
            return "pause";
        } else if (command instanceof ResumeMigration) {
            return "resume";
        } else if (command instanceof CancelMigration) {
            return "cancel";
        }
        return "rollback";
    }

    private static String stepOf(MigrationCommand command) {
        if (command instanceof ApproveGate c) {
            return c.stepId();
        } else if (command instanceof RetryStep c) {
            return c.stepId();
        }
        return null;
    }

    private static Instant requestedAt(MigrationCommand command) {
        if (command instanceof ApproveGate c) {
            return c.requestedAt();
        } else if (command instanceof RetryStep c) {
            return c.requestedAt();
        } else if (command instanceof PauseMigration c) {
            return c.requestedAt();
        } else if (command instanceof ResumeMigration c) {
            return c.requestedAt();
        } else if (command instanceof CancelMigration c) {
            return c.requestedAt();
        }
        return ((RollbackMigration) command).requestedAt();
    }
}

package dev.ferry.executor.data;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.events.migration.StepProgress;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Appends a copy's progress to the migration's log as {@link StepProgress} events, so REST, Server-Sent
 * Events and Slack can show bytes, rows, tables and the time left; a lost progress event is harmless.
 */
@ApplicationScoped
public class EventLogProgressSink implements ProgressSink {
    private static final Logger LOG = Logger.getLogger(EventLogProgressSink.class);

    private final EventLog eventLog;

    public EventLogProgressSink(EventLog eventLog) {
        this.eventLog = eventLog;
    }

    @Override
    public void progress(StepProgress p) {
        eventLog.append(p)
                .subscribe()
                .with(
                        ok -> LOG.debugf("Migration %s step %s: %s", p.migrationId(), p.stepId(), p.message()),
                        failure -> LOG.warnf(
                                "Migration %s step %s: progress not recorded (%s)",
                                p.migrationId(), p.stepId(), failure.getMessage()));
    }
}

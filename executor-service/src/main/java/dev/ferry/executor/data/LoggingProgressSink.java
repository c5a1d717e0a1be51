package dev.ferry.executor.data;

import dev.ferry.events.migration.StepProgress;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Logs progress until the step engine provides a sink that appends {@link StepProgress} events. */
@DefaultBean
@ApplicationScoped
public class LoggingProgressSink implements ProgressSink {
    private static final Logger LOG = Logger.getLogger(LoggingProgressSink.class);

    @Override
    public void progress(StepProgress p) {
        LOG.infof(
                "Migration %s step %s: %s (%d MB, %d rows, %d/%s tables, eta %s s)",
                p.migrationId(),
                p.stepId(),
                p.message(),
                p.bytesDone() >> 20,
                p.rowsDone(),
                p.tablesDone(),
                p.tablesTotal(),
                p.etaSeconds());
    }
}

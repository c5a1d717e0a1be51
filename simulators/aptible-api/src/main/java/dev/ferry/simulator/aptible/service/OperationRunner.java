package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.config.SimulatorConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Moves operations from queued to running to finished on a timer, like the real workers. */
@ApplicationScoped
public class OperationRunner {

    private static final Logger LOG = Logger.getLogger(OperationRunner.class);

    private final SimulatorConfig config;
    private final OperationEffects effects;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "aptible-sim-operations");
        t.setDaemon(true);
        return t;
    });

    public OperationRunner(SimulatorConfig config, OperationEffects effects) {
        this.config = config;
        this.effects = effects;
    }

    /** Schedules a queued operation; it runs for {@code runningMs} once started. */
    public void start(long operationId, long runningMs) {
        timer.schedule(
                () -> guarded(operationId, true, runningMs), config.operations().queuedMs(), TimeUnit.MILLISECONDS);
    }

    private void guarded(long operationId, boolean starting, long runningMs) {
        try {
            if (starting) {
                if (effects.begin(operationId)) {
                    timer.schedule(() -> guarded(operationId, false, runningMs), runningMs, TimeUnit.MILLISECONDS);
                }
            } else {
                effects.finish(operationId);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "operation %d could not advance; marking it failed", operationId);
            effects.abandon(operationId);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }
}

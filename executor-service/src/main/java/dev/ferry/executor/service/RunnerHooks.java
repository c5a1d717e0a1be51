package dev.ferry.executor.service;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Points where tests can stop the runner as a crash would, e.g. between recording an Aptible
 * operation and the event of its outcome. In production nothing happens there.
 */
public interface RunnerHooks {

    /** Called after an operation was recorded and before the step waits on it. */
    Uni<Void> afterOperationRecorded(String migrationId, String stepId);

    /** Thrown by a hook to make the runner drop the attempt without recording anything, as if it died. */
    class SimulatedCrash extends RuntimeException {
        public SimulatedCrash(String message) {
            super(message);
        }
    }

    /** The production hooks: none. */
    @DefaultBean
    @ApplicationScoped
    class None implements RunnerHooks {
        @Override
        public Uni<Void> afterOperationRecorded(String migrationId, String stepId) {
            return Uni.createFrom().voidItem();
        }
    }
}

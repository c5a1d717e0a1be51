package dev.ferry.executor.service;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.events.migration.StepHeartbeat;
import dev.ferry.executor.config.ExecutorConfig;
import dev.ferry.executor.domain.StepState;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Keeps a running attempt visibly alive: while it runs, a {@link StepHeartbeat} is appended every few
 * seconds, so an instance that has just been given the migration's partition waits for the attempt's
 * outcome instead of taking the step over. Only a process that died (or stalled for longer than {@code
 * executor.resume.quiet-for}) falls silent.
 */
@ApplicationScoped
public class Heartbeats {
    private static final Logger LOG = Logger.getLogger(Heartbeats.class);

    private final EventLog eventLog;
    private final Vertx vertx;
    private final Clock clock;
    private final Duration every;

    public Heartbeats(EventLog eventLog, Vertx vertx, ExecutorConfig config, Clock clock) {
        this.eventLog = eventLog;
        this.vertx = vertx;
        this.clock = clock;
        Duration quiet = config.resume().quietFor();
        this.every = config.resume().heartbeatEvery().orElse(quiet.dividedBy(4));
        if (every.toMillis() < 1 || every.compareTo(quiet.dividedBy(2)) > 0) {
            throw new IllegalArgumentException("executor.resume.heartbeat-every (" + every
                    + ") must be at least 1 ms and at most half of executor.resume.quiet-for (" + quiet + ")");
        }
    }

    /** How often a running attempt beats. */
    public Duration every() {
        return every;
    }

    /**
     * Runs an attempt's work while beating. The beats stop before the work's result is passed on, so the
     * attempt's outcome (appended after it) is never followed by a beat of the same attempt. With {@code
     * beatFirst} one beat is appended before the work starts: compensations have no started event of
     * their own, and this marks them running.
     */
    public <T> Uni<T> during(
            String migrationId, StepState step, int attempt, boolean compensation, boolean beatFirst, Uni<T> work) {
        Beat beat = new Beat(migrationId, step, attempt, compensation);
        Uni<Void> first = beatFirst
                ? eventLog.append(beat.event()).replaceWithVoid()
                : Uni.createFrom().voidItem();
        return first.flatMap(v -> {
            beat.start();
            return work.onTermination().invoke(beat::stop);
        });
    }

    /** The beats of one attempt; stopping is final, and no beat is appended after {@link #stop()} returns. */
    private final class Beat {
        private final String migrationId;
        private final StepState step;
        private final int attempt;
        private final boolean compensation;
        private long timer = -1;
        private boolean stopped;

        Beat(String migrationId, StepState step, int attempt, boolean compensation) {
            this.migrationId = migrationId;
            this.step = step;
            this.attempt = attempt;
            this.compensation = compensation;
        }

        StepHeartbeat event() {
            return new StepHeartbeat(migrationId, step.id(), step.type(), attempt, compensation, clock.instant());
        }

        synchronized void start() {
            if (!stopped) {
                timer = vertx.setPeriodic(every.toMillis(), id -> beat());
            }
        }

        /** Hands the beat to the log under the lock, so it is queued before anything appended after stop. */
        private synchronized void beat() {
            if (stopped) {
                return;
            }
            eventLog.append(event())
                    .subscribe()
                    .with(
                            ok -> {},
                            failure -> LOG.debugf(
                                    "Migration %s: a heartbeat of %s was not appended: %s",
                                    migrationId, step.id(), failure.getMessage()));
        }

        synchronized void stop() {
            stopped = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
        }
    }
}

package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.domain.Estate;
import jakarta.enterprise.context.ApplicationScoped;

/** Puts the simulator back to its starting state between test scenarios. */
@ApplicationScoped
public class SimulatorAdmin {

    private final EstateStore store;
    private final RateLimiter rateLimiter;
    private final RequestLog requestLog;
    private final FaultInjector faults;
    private final BackupLedger backups;

    public SimulatorAdmin(
            EstateStore store,
            RateLimiter rateLimiter,
            RequestLog requestLog,
            FaultInjector faults,
            BackupLedger backups) {
        this.store = store;
        this.rateLimiter = rateLimiter;
        this.requestLog = requestLog;
        this.faults = faults;
        this.backups = backups;
    }

    /** Reloads the estate file (undoing writes), refills every bucket, clears counts, faults and backups. */
    public Estate reset() {
        Estate estate = store.reload();
        rateLimiter.reset();
        requestLog.clear();
        faults.clear();
        backups.clear();
        return estate;
    }
}

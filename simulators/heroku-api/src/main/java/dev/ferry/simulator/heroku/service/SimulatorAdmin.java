package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.domain.Estate;
import jakarta.enterprise.context.ApplicationScoped;

/** Puts the simulator back to its starting state between test scenarios. */
@ApplicationScoped
public class SimulatorAdmin {

    private final EstateStore store;
    private final RateLimiter rateLimiter;
    private final RequestLog requestLog;

    public SimulatorAdmin(EstateStore store, RateLimiter rateLimiter, RequestLog requestLog) {
        this.store = store;
        this.rateLimiter = rateLimiter;
        this.requestLog = requestLog;
    }

    /** Reloads the estate file, refills every bucket and clears the request counts. */
    public Estate reset() {
        Estate estate = store.reload();
        rateLimiter.reset();
        requestLog.clear();
        return estate;
    }
}

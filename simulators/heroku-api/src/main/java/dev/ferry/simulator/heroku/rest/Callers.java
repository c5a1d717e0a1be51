package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.service.ApiException;
import dev.ferry.simulator.heroku.service.Caller;
import io.vertx.ext.web.RoutingContext;

/** Hands resources the caller that {@link HerokuProtocolFilter} authenticated. */
public final class Callers {

    static final String KEY = "heroku-sim.caller";
    static final String VARIANT = "heroku-sim.variant";

    private Callers() {}

    /** The authenticated caller of this request. */
    public static Caller of(RoutingContext rc) {
        Caller caller = rc.get(KEY);
        if (caller == null) {
            throw new ApiException(401, "unauthorized", "Invalid credentials provided.");
        }
        return caller;
    }

    /** Whether the request asked for the {@code version=3.sdk} variant. */
    public static boolean sdk(RoutingContext rc) {
        return "sdk".equals(rc.get(VARIANT));
    }
}

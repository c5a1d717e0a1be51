package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.rest.view.AccountView;
import dev.ferry.simulator.heroku.rest.view.RateLimitView;
import dev.ferry.simulator.heroku.service.Caller;
import dev.ferry.simulator.heroku.service.EstateStore;
import dev.ferry.simulator.heroku.service.RateLimiter;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Serves {@code /account} and {@code /account/rate-limits} for the token's account. */
@Path("/account")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final EstateStore store;
    private final RateLimiter rateLimiter;

    public AccountResource(EstateStore store, RateLimiter rateLimiter) {
        this.store = store;
        this.rateLimiter = rateLimiter;
    }

    @GET
    public AccountView account(RoutingContext rc) {
        return AccountView.of(Callers.of(rc).account(), store.current());
    }

    /** Free of charge: reading it does not take a token from the bucket. */
    @GET
    @Path("/rate-limits")
    public RateLimitView rateLimits(RoutingContext rc) {
        Caller caller = Callers.of(rc);
        return new RateLimitView(rateLimiter.remaining(caller.account().id()));
    }
}

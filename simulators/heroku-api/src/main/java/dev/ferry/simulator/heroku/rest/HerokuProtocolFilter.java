package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.service.Authenticator;
import dev.ferry.simulator.heroku.service.Caller;
import dev.ferry.simulator.heroku.service.FaultInjector;
import dev.ferry.simulator.heroku.service.RateDecision;
import dev.ferry.simulator.heroku.service.RateLimiter;
import dev.ferry.simulator.heroku.service.RequestLog;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies Heroku's protocol to every API request before any resource runs: request ids, the version
 * 3 {@code Accept} header, bearer authentication, injected faults, the per-account rate limit and
 * request counting.
 */
@ApplicationScoped
public class HerokuProtocolFilter {

    /** Runs before Quarkus REST and every other route. */
    static final int ORDER = -10_000;

    static final String RATE_LIMIT_MESSAGE =
            "Your account reached the API rate limit\n" + "Please wait a few minutes before making new requests";
    static final String RATE_LIMIT_URL = "https://devcenter.heroku.com/articles/platform-api-reference#rate-limits";

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final RequestLog requestLog;
    private final ErrorWriter errors;
    private final FaultInjector faults;

    public HerokuProtocolFilter(
            Authenticator authenticator,
            RateLimiter rateLimiter,
            RequestLog requestLog,
            ErrorWriter errors,
            FaultInjector faults) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.requestLog = requestLog;
        this.errors = errors;
        this.faults = faults;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        rc.response().putHeader(HerokuHeaders.REQUEST_ID, UUID.randomUUID().toString());
        String path = rc.normalizedPath();
        if (!HerokuPaths.isApi(path)) {
            rc.next();
            return;
        }
        String method = rc.request().method().name();
        rc.addHeadersEndHandler(ignored -> {
            plainJsonContentType(rc);
            requestLog.record(method, path, rc.response().getStatusCode());
        });

        Optional<Caller> caller = authenticator.authenticate(rc.request().getHeader(HttpHeaders.AUTHORIZATION));
        boolean dataApi = HerokuPaths.isDataApi(path);
        if (!dataApi && !AcceptHeader.acceptsVersion3(rc.request().getHeader(HttpHeaders.ACCEPT))) {
            remaining(
                    rc, caller.map(c -> rateLimiter.remaining(c.account().id())).orElse(0));
            errors.send(
                    rc,
                    406,
                    new ErrorBody(
                            "not_acceptable",
                            "Please specify a version along with Heroku's API MIME type. "
                                    + "For example, `Accept: "
                                    + AcceptHeader.HEROKU_MEDIA_TYPE
                                    + "; version=3`."));
            return;
        }
        if (caller.isEmpty()) {
            remaining(rc, 0);
            errors.send(rc, 401, new ErrorBody("unauthorized", "Invalid credentials provided."));
            return;
        }
        Optional<FaultInjector.Hit> fault = faults.take(method, path);
        if (fault.isPresent() && fault.get().truncate()) {
            rc.request().headers().set(ETagFilter.TRUNCATE, "true");
        } else {
            rc.request().headers().remove(ETagFilter.TRUNCATE);
        }
        if (fault.isPresent() && fault.get().partialAs200()) {
            rc.request().headers().set(PartialAs200Filter.HEADER, "true");
        } else {
            rc.request().headers().remove(PartialAs200Filter.HEADER);
        }
        if (fault.isPresent() && fault.get().latencyMs() > 0) {
            rc.vertx()
                    .setTimer(
                            fault.get().latencyMs(),
                            timer -> proceed(
                                    rc, method, path, caller.get(), fault.get().status()));
            return;
        }
        proceed(
                rc,
                method,
                path,
                caller.get(),
                fault.map(FaultInjector.Hit::status).orElse(0));
    }

    /** Answers an injected error (which takes no token) or charges the bucket and lets JAX-RS run. */
    private void proceed(RoutingContext rc, String method, String path, Caller caller, int injectedStatus) {
        UUID accountId = caller.account().id();
        if (injectedStatus != 0) {
            remaining(rc, injectedStatus == 429 ? 0 : rateLimiter.remaining(accountId));
            errors.send(rc, injectedStatus, injected(injectedStatus));
            return;
        }
        if (HerokuPaths.isFree(method, path) || HerokuPaths.isDataApi(path)) {
            remaining(rc, rateLimiter.remaining(accountId));
        } else {
            RateDecision decision = rateLimiter.charge(accountId);
            remaining(rc, decision.remaining());
            if (!decision.allowed()) {
                errors.send(rc, 429, new ErrorBody("rate_limit", RATE_LIMIT_MESSAGE, RATE_LIMIT_URL));
                return;
            }
        }
        rc.put(Callers.KEY, caller);
        rc.put(Callers.VARIANT, AcceptHeader.variant(rc.request().getHeader(HttpHeaders.ACCEPT)));
        // JAX-RS negotiates on Accept; the vendor type was checked above, so answer plain JSON.
        rc.request().headers().set(HttpHeaders.ACCEPT, "application/json");
        rc.next();
    }

    /** The body Heroku would send with this status. */
    static ErrorBody injected(int status) {
        return switch (status) {
            case 429 -> new ErrorBody("rate_limit", RATE_LIMIT_MESSAGE, RATE_LIMIT_URL);
            case 503 -> new ErrorBody("service_unavailable", "The service is temporarily unavailable (injected).");
            case 401 -> new ErrorBody("unauthorized", "Invalid credentials provided.");
            case 403 -> new ErrorBody("forbidden", "You do not have access to this resource (injected).");
            case 404 -> new ErrorBody("not_found", "Couldn't find that resource (injected).");
            default ->
                new ErrorBody(
                        status >= 500 ? "internal_server_error" : "bad_request",
                        "Injected fault: status " + status + ".");
        };
    }

    /** Heroku answers {@code application/json} without a charset parameter; so do we. */
    private static void plainJsonContentType(RoutingContext rc) {
        String type = rc.response().headers().get(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.startsWith("application/json")) {
            rc.response().headers().set(HttpHeaders.CONTENT_TYPE, "application/json");
        }
    }

    private static void remaining(RoutingContext rc, int remaining) {
        rc.response().putHeader(HerokuHeaders.RATE_LIMIT_REMAINING, Integer.toString(remaining));
    }
}

package dev.ferry.simulator.aptible.rest;

import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.service.FaultService;
import dev.ferry.simulator.aptible.service.TokenService;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Runs before every API call: first injected server errors, then the bearer-token check. The token
 * endpoint and the {@code /_simulator} admin surface are exempt from both.
 */
public class RequestFilters {

    private final FaultService faults;
    private final TokenService tokens;
    private final HalResponses responses;

    public RequestFilters(FaultService faults, TokenService tokens, HalResponses responses) {
        this.faults = faults;
        this.tokens = tokens;
        this.responses = responses;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public Optional<Response> injectServerErrors(ContainerRequestContext request) {
        String path = path(request);
        if (exempt(path)) {
            return Optional.empty();
        }
        return faults.serverErrorFor(path)
                .map(status -> responses.error(
                        status,
                        status == 503 ? "service_unavailable" : "internal_server_error",
                        "Injected server error for " + path));
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> requireToken(ContainerRequestContext request) {
        if (exempt(path(request))) {
            return Optional.empty();
        }
        try {
            tokens.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
            return Optional.empty();
        } catch (ApiException e) {
            return Optional.of(responses.error(e.status(), e.error(), e.getMessage()));
        }
    }

    private static String path(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.startsWith("/") ? path : "/" + path;
    }

    private static boolean exempt(String path) {
        return path.equals("/tokens") || path.startsWith("/_simulator");
    }
}

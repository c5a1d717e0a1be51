package dev.ferry.simulator.heroku.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a 206 list page with 200, keeping its {@code Next-Range}, when a {@code partial_as_200}
 * fault applies: Heroku's clients follow {@code Next-Range} whatever the status, so ours must too.
 */
@Provider
public class PartialAs200Filter implements ContainerResponseFilter {

    /** Set on the request by {@link HerokuProtocolFilter} when a {@code partial_as_200} fault applies. */
    static final String HEADER = "X-Simulator-Partial-As-200";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if ("true".equals(request.getHeaderString(HEADER))
                && response.getStatus() == 206
                && response.getHeaders().containsKey(HerokuHeaders.NEXT_RANGE)) {
            response.setStatus(200);
        }
    }
}

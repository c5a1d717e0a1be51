package dev.ferry.simulator.aptible.rest;

import dev.ferry.simulator.aptible.domain.ApiException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into the API's {@code {code, error, message}} body. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private final HalResponses responses;

    public ErrorMappers(HalResponses responses) {
        this.responses = responses;
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return responses.error(e.status(), e.error(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 404 -> responses.error(404, "not_found", "Not Found");
            case 405 -> responses.error(405, "method_not_allowed", "Method Not Allowed");
            case 415 -> responses.error(415, "unsupported_media_type", "Unsupported Media Type");
            case 400 -> responses.error(400, "bad_request", "Bad Request");
            default ->
                responses.error(
                        status,
                        status >= 500 ? "internal_server_error" : "bad_request",
                        Response.Status.fromStatusCode(status) == null
                                ? "Error"
                                : Response.Status.fromStatusCode(status).getReasonPhrase());
        };
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return responses.error(500, "internal_server_error", "Internal Server Error");
    }
}

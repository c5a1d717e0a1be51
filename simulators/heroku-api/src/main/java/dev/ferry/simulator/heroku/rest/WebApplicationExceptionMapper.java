package dev.ferry.simulator.heroku.rest;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Gives JAX-RS's own errors, such as an unknown route, Heroku's {@code {id, message}} shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    static final String UNKNOWN_ENDPOINT =
            "The requested API endpoint was not found. Are you using the right HTTP verb "
                    + "(i.e. `GET` vs. `POST`), and did you specify your API version in the "
                    + "Accept header?";

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception instanceof NotFoundException || exception instanceof NotAllowedException) {
            return error(404, new ErrorBody("not_found", UNKNOWN_ENDPOINT));
        }
        int status = exception.getResponse().getStatus();
        String id = switch (status) {
            case 400 -> "bad_request";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal_server_error" : "bad_request";
        };
        return error(status, new ErrorBody(id, exception.getMessage()));
    }

    static Response error(int status, ErrorBody body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }
}

package dev.ferry.simulator.aptible.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Writes every answer as {@code application/hal+json}, whatever the request's Accept header, as the
 * real API does.
 */
@ApplicationScoped
public class HalResponses {

    public static final String HAL_JSON = "application/hal+json";

    private final ObjectMapper json;

    public HalResponses(ObjectMapper json) {
        this.json = json;
    }

    public Response ok(Object body) {
        return build(200, body);
    }

    public Response created(Object body) {
        return build(201, body);
    }

    public Response error(int status, String error, String message) {
        return build(status, new ErrorBody(status, error, message));
    }

    private Response build(int status, Object body) {
        try {
            return Response.status(status)
                    .type(HAL_JSON)
                    .entity(json.writeValueAsBytes(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass(), e);
        }
    }
}

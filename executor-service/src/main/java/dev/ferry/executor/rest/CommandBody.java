package dev.ferry.executor.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.EventCodec;

/**
 * The optional JSON body of a migration command: a comment for approvals, a reason for cancellations.
 * An empty body is allowed. Who asks comes from the bearer token only; a {@code by} or {@code
 * requestedBy} in the body is ignored like any unknown field.
 */
public record CommandBody(String comment, String reason) {
    static final CommandBody EMPTY = new CommandBody(null, null);

    static CommandBody parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return EMPTY;
        }
        try {
            return EventCodec.mapper().readValue(raw, CommandBody.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("The body must be a JSON object with an optional comment or reason");
        }
    }
}

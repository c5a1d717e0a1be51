package dev.ferry.executor.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.EventCodec;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * The optional JSON body of a migration command: a comment for approvals, a reason for cancellations.
 * An empty body is allowed whatever its declared type; a body in any type but JSON is refused (415),
 * so text meant as a reason is never silently dropped. Who asks comes from the bearer token only; a
 * {@code by} or {@code requestedBy} in the body is ignored like any unknown field.
 */
public record CommandBody(String comment, String reason) {
    static final CommandBody EMPTY = new CommandBody(null, null);

    static CommandBody parse(String contentType, String raw) {
        if (raw == null || raw.isBlank()) {
            return EMPTY;
        }
        if (!json(contentType)) {
            boolean untyped = contentType == null || contentType.isBlank();
            throw new ProblemException(
                    415,
                    "Unsupported Media Type",
                    "The body was sent " + (untyped ? "without a content type" : "as " + contentType)
                            + "; migration commands take an application/json body ({\"comment\": ...} or"
                            + " {\"reason\": ...}) or none. Nothing was done");
        }
        try {
            return EventCodec.mapper().readValue(raw, CommandBody.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("The body must be a JSON object with an optional comment or reason");
        }
    }

    /** application/json or a +json type, with any parameters. */
    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
            return "application".equalsIgnoreCase(type.getType())
                    && (subtype.equals("json") || subtype.endsWith("+json"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

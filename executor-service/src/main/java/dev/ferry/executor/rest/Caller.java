package dev.ferry.executor.rest;

import dev.ferry.common.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Who is asking. For now the {@code X-Ferry-User} header, or a {@code by} in the body; the one place a
 * later OIDC change swaps for the token's subject.
 */
@ApplicationScoped
public class Caller {
    public static final String HEADER = "X-Ferry-User";

    /** The caller's name; a 400 problem when the request does not say. */
    public String of(HttpHeaders headers, String bodyBy) {
        String header = headers.getHeaderString(HEADER);
        String who = header != null && !header.isBlank() ? header : bodyBy;
        if (who == null || who.isBlank()) {
            throw ProblemException.badRequest("Say who you are: an " + HEADER + " header or a \"by\" in the body");
        }
        return who.strip();
    }
}

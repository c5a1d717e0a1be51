package dev.ferry.simulator.heroku.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Gives every successful GET answer an {@code ETag} (a hash of its JSON body, so an unchanged
 * resource keeps its tag) and answers {@code 304 Not Modified} with no body when the request's
 * {@code If-None-Match} names it, as Heroku documents under "Caching".
 */
@Provider
public class ETagFilter implements ContainerResponseFilter {

    static final String ETAG = "ETag";
    static final String IF_NONE_MATCH = "If-None-Match";
    /** Set on the request by {@link HerokuProtocolFilter} when a truncating fault applies. */
    static final String TRUNCATE = "X-Simulator-Truncate";

    private final ObjectMapper mapper;

    public ETagFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if ("true".equals(request.getHeaderString(TRUNCATE))
                && response.getStatus() < 300
                && response.hasEntity()
                && !"GET".equals(request.getMethod())) {
            String body = json(response.getEntity());
            response.setEntity(body.substring(0, body.length() / 2));
            return;
        }
        if (!"GET".equals(request.getMethod())
                || !HerokuPaths.isApi(request.getUriInfo().getPath())
                || (response.getStatus() != 200 && response.getStatus() != 206)
                || !response.hasEntity()) {
            return;
        }
        String tag = tagOf(response.getEntity());
        response.getHeaders().putSingle(ETAG, tag);
        if ("true".equals(request.getHeaderString(TRUNCATE))) {
            String body = json(response.getEntity());
            response.setEntity(body.substring(0, body.length() / 2));
            response.getHeaders().remove(ETAG);
            return;
        }
        if (matches(request.getHeaderString(IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove("Content-Type");
        }
    }

    private String json(Object entity) {
        try {
            return entity instanceof String text ? text : mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer", e);
        }
    }

    /** A strong tag: the first 128 bits of the SHA-256 of the body as the API writes it. */
    String tagOf(Object entity) {
        try {
            byte[] body = entity instanceof String text
                    ? text.getBytes(StandardCharsets.UTF_8)
                    : mapper.writeValueAsBytes(entity);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot tag the answer", e);
        }
    }

    /** Whether an {@code If-None-Match} value ({@code *} or a list, weak tags allowed) names the tag. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(tag)) {
                return true;
            }
        }
        return false;
    }
}

package dev.ferry.simulator.aptible.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.aptible.domain.AccessToken;
import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.service.TokenRequest;
import dev.ferry.simulator.aptible.service.TokenService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The simulated Auth API: the OAuth2 password grant and the token's own resources. */
@Path("/")
public class TokenResource {

    private final TokenService tokens;
    private final Representer representer;
    private final HalResponses responses;
    private final JsonBodies bodies;

    public TokenResource(TokenService tokens, Representer representer, HalResponses responses, JsonBodies bodies) {
        this.tokens = tokens;
        this.representer = representer;
        this.responses = responses;
        this.bodies = bodies;
    }

    /** Accepts the grant form-encoded (Ruby clients) or as JSON (Go clients). */
    @POST
    @Path("tokens")
    @Consumes(MediaType.WILDCARD)
    public Response create(String body, @Context HttpHeaders headers, @Context UriInfo uri) {
        MediaType type = headers.getMediaType();
        TokenRequest request = type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                ? fromForm(body)
                : fromJson(bodies.object(body));
        AccessToken token = tokens.issue(request);
        return responses.created(representer.token(HalContext.of(uri, headers), token));
    }

    @GET
    @Path("current_token")
    public Response current(@Context HttpHeaders headers, @Context UriInfo uri) {
        AccessToken token = tokens.authenticate(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        return responses.ok(representer.token(HalContext.of(uri, headers), token));
    }

    @GET
    @Path("users/{id}")
    public Response user(@PathParam("id") String id, @Context HttpHeaders headers, @Context UriInfo uri) {
        AccessToken token = tokens.authenticate(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (!token.userId().equals(id)) {
            throw ApiException.notFound("User", id);
        }
        return responses.ok(representer.user(HalContext.of(uri, headers), token));
    }

    private static TokenRequest fromJson(ObjectNode body) {
        String expires = scalar(body, "expires_in");
        if (expires == null) {
            expires = scalar(body, "expires");
        }
        return new TokenRequest(
                scalar(body, "grant_type"),
                scalar(body, "username"),
                scalar(body, "password"),
                scalar(body, "scope"),
                expires);
    }

    private static TokenRequest fromForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : (body == null ? "" : body).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            form.putIfAbsent(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return new TokenRequest(
                form.get("grant_type"),
                form.get("username"),
                form.get("password"),
                form.get("scope"),
                form.getOrDefault("expires_in", form.get("expires")));
    }

    private static String scalar(ObjectNode body, String field) {
        var node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isContainerNode()) {
            throw ApiException.badRequest(field + " must be a string");
        }
        return node.asText();
    }
}

package dev.ferry.executor.rest;

import dev.ferry.common.rest.Problem;
import dev.ferry.executor.repository.Repositories;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers a Server-Sent Events request for an unknown migration with a 404 problem before the stream
 * starts: once an event stream has begun, an error can no longer be sent as a response.
 */
public class StreamGuard {
    private static final Pattern EVENTS = Pattern.compile("/api/migrations/([^/]+)/events/?");

    private final Repositories.Migrations migrations;

    public StreamGuard(Repositories.Migrations migrations) {
        this.migrations = migrations;
    }

    @ServerRequestFilter
    public Uni<Response> migrationExists(ContainerRequestContext request) {
        Matcher match = EVENTS.matcher(request.getUriInfo().getPath());
        if (!request.getMethod().equals("GET") || !match.matches()) {
            return Uni.createFrom().nullItem();
        }
        String id = match.group(1);
        return Panache.withSession(() -> migrations.findById(id))
                .map(m -> m != null
                        ? null
                        : Response.status(404)
                                .type(Problem.MEDIA_TYPE)
                                .entity(new Problem(
                                        "about:blank",
                                        "Not Found",
                                        404,
                                        "No migration with id " + id,
                                        request.getUriInfo().getPath()))
                                .build());
    }
}

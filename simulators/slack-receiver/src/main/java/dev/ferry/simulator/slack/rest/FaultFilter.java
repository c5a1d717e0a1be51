package dev.ferry.simulator.slack.rest;

import dev.ferry.simulator.slack.domain.Fault;
import dev.ferry.simulator.slack.service.FaultInjector;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers Slack requests with an armed failure instead of handling them: webhooks get a plain-text
 * error word, the Web API a JSON {@code {"ok":false}} body; 429 carries {@code Retry-After}.
 */
public class FaultFilter {

    private final FaultInjector faults;

    public FaultFilter(FaultInjector faults) {
        this.faults = faults;
    }

    @ServerRequestFilter
    public Optional<Response> inject(ContainerRequestContext request) {
        String raw = request.getUriInfo().getPath();
        String path = raw.startsWith("/") ? raw : "/" + raw;
        boolean webhook = path.startsWith("/services/");
        if (!webhook && !path.startsWith("/api/")) {
            return Optional.empty();
        }
        return faults.take().map(fault -> respond(fault, webhook));
    }

    private static Response respond(Fault fault, boolean webhook) {
        Response.ResponseBuilder response = Response.status(fault.status());
        if (fault.status() == 429) {
            response.header("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        if (webhook) {
            return response.type(MediaType.TEXT_PLAIN_TYPE)
                    .entity(webhookWord(fault.status()))
                    .build();
        }
        String error =
                fault.status() == 429 ? "ratelimited" : fault.status() >= 500 ? "internal_error" : "request_refused";
        return response.type("application/json; charset=utf-8")
                .entity("{\"ok\":false,\"error\":\"" + error + "\"}")
                .build();
    }

    private static String webhookWord(int status) {
        return switch (status) {
            case 429 -> "rate_limited";
            case 403 -> "action_prohibited";
            case 404 -> "no_service";
            case 410 -> "channel_is_archived";
            default -> status >= 500 ? "internal_error" : "invalid_payload";
        };
    }
}

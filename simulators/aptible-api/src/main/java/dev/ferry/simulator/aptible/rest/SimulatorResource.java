package dev.ferry.simulator.aptible.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.service.FaultService;
import dev.ferry.simulator.aptible.service.StateService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The admin surface for tests and demos: state summary, failure switches and reset. */
@Path("/_simulator")
public class SimulatorResource {

    private final StateService state;
    private final FaultService faults;
    private final HalResponses responses;
    private final JsonBodies bodies;

    private final dev.ferry.simulator.aptible.service.OperationService operations;
    private final dev.ferry.simulator.aptible.service.TokenService tokens;

    public SimulatorResource(
            StateService state,
            FaultService faults,
            HalResponses responses,
            JsonBodies bodies,
            dev.ferry.simulator.aptible.service.OperationService operations,
            dev.ferry.simulator.aptible.service.TokenService tokens) {
        this.operations = operations;
        this.tokens = tokens;
        this.state = state;
        this.faults = faults;
        this.responses = responses;
        this.bodies = bodies;
    }

    @GET
    @Path("state")
    public Response state() {
        return responses.ok(state.snapshot());
    }

    @GET
    @Path("faults")
    public Response faults() {
        return responses.ok(faults.current());
    }

    /**
     * {@code {"fail_operation_types": ["deploy"], "operation_latency_ms": {"provision": 2000},
     * "server_error_rates": {"/apps": 0.5}, "server_error_status": 503}}; absent keys keep their value,
     * empty ones switch off.
     */
    @POST
    @Path("faults")
    @Consumes(MediaType.WILDCARD)
    public Response updateFaults(String body) {
        ObjectNode json = bodies.object(body);
        return responses.ok(faults.update(
                types(json.get("fail_operation_types")),
                latencies(json.get("operation_latency_ms")),
                rates(json.get("server_error_rates")),
                JsonBodies.integer(json, "server_error_status")));
    }

    /** The log lines of an operation, as plain text: where {@code GET /operations/{id}/logs} points. */
    @GET
    @Path("operation_logs/{id: \\d+}")
    public Response operationLogs(@jakarta.ws.rs.PathParam("id") long id) {
        return Response.ok(String.join("\n", operations.logs(id)) + "\n", MediaType.TEXT_PLAIN)
                .build();
    }

    /** Invalidates every token at once, as if they had all expired; answers how many there were. */
    @POST
    @Path("tokens/revoke")
    public Response revokeTokens() {
        return responses.ok(Map.of("revoked", tokens.revokeAll()));
    }

    @POST
    @Path("reset")
    public Response reset() {
        state.reset();
        return responses.ok(state.snapshot());
    }

    private static Set<String> types(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw ApiException.unprocessable("fail_operation_types must be an array of strings");
        }
        Set<String> types = new LinkedHashSet<>();
        node.forEach(t -> {
            if (!t.isTextual()) {
                throw ApiException.unprocessable("fail_operation_types must be an array of strings");
            }
            types.add(t.asText());
        });
        return types;
    }

    private static Map<String, Long> latencies(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.unprocessable("operation_latency_ms must map operation types to milliseconds");
        }
        Map<String, Long> latencies = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isIntegralNumber()) {
                throw ApiException.unprocessable("operation_latency_ms values must be integers");
            }
            latencies.put(e.getKey(), e.getValue().asLong());
        });
        return latencies;
    }

    private static Map<String, Double> rates(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.unprocessable("server_error_rates must map paths to rates");
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isNumber()) {
                throw ApiException.unprocessable("server_error_rates values must be numbers");
            }
            rates.put(e.getKey(), e.getValue().asDouble());
        });
        return rates;
    }
}

package dev.ferry.simulator.aptible.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.aptible.domain.AccessToken;
import dev.ferry.simulator.aptible.service.AppService;
import dev.ferry.simulator.aptible.service.EndpointService;
import dev.ferry.simulator.aptible.service.OperationService;
import dev.ferry.simulator.aptible.service.TokenService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Services of deployed apps, and their {@code scale} operations as the CLI sends them. */
@Path("/services")
public class ServiceResource {

    private final AppService apps;
    private final OperationService operations;
    private final TokenService tokens;
    private final Representer representer;
    private final HalResponses responses;
    private final JsonBodies bodies;
    private final Pager pager;
    private final EndpointService endpoints;
    private final ResourceRepresenter resources;

    public ServiceResource(
            AppService apps,
            OperationService operations,
            TokenService tokens,
            Representer representer,
            HalResponses responses,
            JsonBodies bodies,
            Pager pager,
            EndpointService endpoints,
            ResourceRepresenter resources) {
        this.endpoints = endpoints;
        this.resources = resources;
        this.apps = apps;
        this.operations = operations;
        this.tokens = tokens;
        this.representer = representer;
        this.responses = responses;
        this.bodies = bodies;
        this.pager = pager;
    }

    @GET
    @Path("{id: \\d+}")
    public Response get(@PathParam("id") long id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.ok(representer.service(HalContext.of(uri, headers), apps.service(id)));
    }

    /**
     * {@code {"force_zero_downtime": true, "naive_health_check": false}}: the settings given change,
     * others stay; a wrongly typed value answers 422 and changes nothing. Answers the service.
     */
    @PATCH
    @Path("{id: \\d+}")
    @Consumes(MediaType.WILDCARD)
    public Response patch(@PathParam("id") long id, String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        ObjectNode json = bodies.object(body);
        Boolean zeroDowntime = JsonBodies.bool(json, "force_zero_downtime");
        Boolean naive = JsonBodies.bool(json, "naive_health_check");
        return responses.ok(
                representer.service(HalContext.of(uri, headers), apps.updateSettings(id, zeroDowntime, naive)));
    }

    /** As {@link #patch}: the real API takes the same body on both. */
    @PUT
    @Path("{id: \\d+}")
    @Consumes(MediaType.WILDCARD)
    public Response update(@PathParam("id") long id, String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return patch(id, body, uri, headers);
    }

    @GET
    @Path("{id: \\d+}/operations")
    public Response operations(
            @PathParam("id") long id,
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HalContext ctx = HalContext.of(uri, headers);
        return responses.ok(representer.page(
                ctx,
                "/services/" + id + "/operations",
                "operations",
                pager.request(page, perPage).slice(operations.forService(id)),
                o -> representer.operation(ctx, o),
                Map.of("resource", "/services/" + id)));
    }

    /** {@code {"type": "scale", "container_count": 2, "container_size": 2048}}. */
    @POST
    @Path("{id: \\d+}/operations")
    @Consumes(MediaType.WILDCARD)
    public Response createOperation(
            @PathParam("id") long id, String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        AccessToken token = tokens.authenticate(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        var request = OperationBodies.read(bodies.object(body));
        return responses.created(
                representer.operation(HalContext.of(uri, headers), operations.createForService(id, request, token)));
    }

    @GET
    @Path("{id: \\d+}/vhosts")
    public Response vhosts(
            @PathParam("id") long id,
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HalContext ctx = HalContext.of(uri, headers);
        return responses.ok(representer.page(
                ctx,
                "/services/" + id + "/vhosts",
                "vhosts",
                pager.request(page, perPage).slice(endpoints.ofService(id)),
                v -> resources.vhost(ctx, v),
                Map.of("service", "/services/" + id)));
    }

    /**
     * {@code {"type": "http"|"tcp"|"tls", "platform", "internal", "default", "acme", "user_domain",
     * "ip_whitelist": [...], "container_port", "container_ports", "certificate": href | "certificate_id"}};
     * answers 201 with a {@code pending} endpoint that a provision operation brings up.
     */
    @POST
    @Path("{id: \\d+}/vhosts")
    @Consumes(MediaType.WILDCARD)
    public Response createVhost(
            @PathParam("id") long id, String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        ObjectNode json = bodies.object(body);
        var created = endpoints.create(
                id,
                new EndpointService.NewVhost(
                        JsonBodies.text(json, "type"),
                        JsonBodies.text(json, "platform"),
                        JsonBodies.bool(json, "internal"),
                        JsonBodies.bool(json, "default"),
                        JsonBodies.bool(json, "acme"),
                        JsonBodies.text(json, "user_domain"),
                        strings(json.get("ip_whitelist")),
                        JsonBodies.integer(json, "container_port"),
                        ints(json.get("container_ports")),
                        AccountResource.refId(json, "certificate_id", "certificate", "certificates")));
        return responses.created(resources.vhost(HalContext.of(uri, headers), created));
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw dev.ferry.simulator.aptible.domain.ApiException.unprocessable("ip_whitelist must be an array");
        }
        List<String> values = new ArrayList<>();
        node.forEach(n -> values.add(n.asText()));
        return values;
    }

    private static List<Integer> ints(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw dev.ferry.simulator.aptible.domain.ApiException.unprocessable("container_ports must be an array");
        }
        List<Integer> values = new ArrayList<>();
        node.forEach(n -> {
            if (!n.canConvertToInt()) {
                throw dev.ferry.simulator.aptible.domain.ApiException.unprocessable("container_ports must be integers");
            }
            values.add(n.asInt());
        });
        return values;
    }
}

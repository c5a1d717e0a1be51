package dev.ferry.simulator.aptible.rest;

import dev.ferry.simulator.aptible.domain.AccessToken;
import dev.ferry.simulator.aptible.service.AppService;
import dev.ferry.simulator.aptible.service.OperationService;
import dev.ferry.simulator.aptible.service.TokenService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/** Apps, their operations, configurations and services. */
@Path("/apps")
public class AppResource {

    private final AppService apps;
    private final OperationService operations;
    private final TokenService tokens;
    private final Representer representer;
    private final HalResponses responses;
    private final JsonBodies bodies;
    private final Pager pager;
    private final dev.ferry.simulator.aptible.service.EndpointService endpoints;
    private final ResourceRepresenter resources;

    public AppResource(
            AppService apps,
            OperationService operations,
            TokenService tokens,
            Representer representer,
            HalResponses responses,
            JsonBodies bodies,
            Pager pager,
            dev.ferry.simulator.aptible.service.EndpointService endpoints,
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
    public Response list(
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HalContext ctx = HalContext.of(uri, headers);
        return responses.ok(representer.page(
                ctx,
                "/apps",
                "apps",
                pager.request(page, perPage).slice(apps.all()),
                a -> representer.app(ctx, a),
                Map.of()));
    }

    @GET
    @Path("{id: \\d+}")
    public Response get(@PathParam("id") long id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.ok(representer.app(HalContext.of(uri, headers), apps.get(id)));
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
                "/apps/" + id + "/operations",
                "operations",
                pager.request(page, perPage).slice(operations.forApp(id)),
                o -> representer.operation(ctx, o),
                Map.of("resource", "/apps/" + id)));
    }

    /**
     * {@code {"type": "configure", "env": {...}}}, {@code {"type": "deploy", "docker_image": ...}}
     * or {@code git_ref}, {@code restart}, {@code scale}, {@code deprovision}.
     */
    @POST
    @Path("{id: \\d+}/operations")
    @Consumes(MediaType.WILDCARD)
    public Response createOperation(
            @PathParam("id") long id, String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        AccessToken token = tokens.authenticate(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        var request = OperationBodies.read(bodies.object(body));
        return responses.created(
                representer.operation(HalContext.of(uri, headers), operations.createForApp(id, request, token)));
    }

    @GET
    @Path("{id: \\d+}/configurations")
    public Response configurations(
            @PathParam("id") long id,
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HalContext ctx = HalContext.of(uri, headers);
        return responses.ok(representer.page(
                ctx,
                "/apps/" + id + "/configurations",
                "configurations",
                pager.request(page, perPage).slice(apps.configurations(id)),
                c -> representer.configuration(ctx, c),
                Map.of("resource", "/apps/" + id)));
    }

    @GET
    @Path("{id: \\d+}/services")
    public Response services(
            @PathParam("id") long id,
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HalContext ctx = HalContext.of(uri, headers);
        apps.get(id);
        return responses.ok(representer.page(
                ctx,
                "/apps/" + id + "/services",
                "services",
                pager.request(page, perPage).slice(apps.services(id)),
                s -> representer.service(ctx, s),
                Map.of("app", "/apps/" + id)));
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
                "/apps/" + id + "/vhosts",
                "vhosts",
                pager.request(page, perPage).slice(endpoints.ofApp(id)),
                v -> resources.vhost(ctx, v),
                Map.of("app", "/apps/" + id)));
    }

    /** Collections the simulator does not model (images, ephemeral sessions) are always empty. */
    @GET
    @Path("{id: \\d+}/{collection: [a-z_]+}")
    public Response emptyCollection(
            @PathParam("id") long id,
            @PathParam("collection") String collection,
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        if (!Representer.EMPTY_APP_COLLECTIONS.contains(collection)) {
            throw new NotFoundException();
        }
        apps.get(id);
        return responses.ok(representer.page(
                HalContext.of(uri, headers),
                "/apps/" + id + "/" + collection,
                collection,
                pager.request(page, perPage).slice(List.of()),
                x -> x,
                Map.of("app", "/apps/" + id)));
    }
}

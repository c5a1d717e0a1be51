package dev.ferry.simulator.aptible.rest;

import dev.ferry.simulator.aptible.domain.AccessToken;
import dev.ferry.simulator.aptible.service.DatabaseService;
import dev.ferry.simulator.aptible.service.OperationService;
import dev.ferry.simulator.aptible.service.TokenService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/** Databases, their operations, credentials, backups and replicas. */
@Path("/databases")
public class DatabaseResource {

    private final DatabaseService databases;
    private final OperationService operations;
    private final TokenService tokens;
    private final Representer representer;
    private final ResourceRepresenter resources;
    private final HalResponses responses;
    private final JsonBodies bodies;
    private final Pager pager;

    public DatabaseResource(
            DatabaseService databases,
            OperationService operations,
            TokenService tokens,
            Representer representer,
            ResourceRepresenter resources,
            HalResponses responses,
            JsonBodies bodies,
            Pager pager) {
        this.databases = databases;
        this.operations = operations;
        this.tokens = tokens;
        this.representer = representer;
        this.resources = resources;
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
                "/databases",
                "databases",
                pager.request(page, perPage).slice(databases.all()),
                d -> resources.database(ctx, d),
                Map.of()));
    }

    @GET
    @Path("{id: \\d+}")
    public Response get(@PathParam("id") long id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.ok(resources.database(HalContext.of(uri, headers), databases.get(id)));
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
                "/databases/" + id + "/operations",
                "operations",
                pager.request(page, perPage).slice(operations.forDatabase(id)),
                o -> representer.operation(ctx, o),
                Map.of("resource", "/databases/" + id)));
    }

    /**
     * {@code {"type": "provision", "container_size": 1024, "disk_size": 10}}, {@code deprovision}, {@code
     * backup}, {@code restart}, {@code reload}, {@code modify}, {@code {"type": "replicate", "handle": H}}.
     */
    @POST
    @Path("{id: \\d+}/operations")
    @Consumes(MediaType.WILDCARD)
    public Response createOperation(
            @PathParam("id") long id, String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        AccessToken token = tokens.authenticate(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        var request = OperationBodies.read(bodies.object(body));
        return responses.created(
                representer.operation(HalContext.of(uri, headers), operations.createForDatabase(id, request, token)));
    }

    @GET
    @Path("{id: \\d+}/database_credentials")
    public Response credentials(@PathParam("id") long id, @Context UriInfo uri, @Context HttpHeaders headers) {
        HalContext ctx = HalContext.of(uri, headers);
        var db = databases.get(id);
        return responses.ok(representer.page(
                ctx,
                "/databases/" + id + "/database_credentials",
                "database_credentials",
                pager.request(null, null).slice(db.credentials()),
                c -> resources.credential(ctx, c),
                Map.of("database", "/databases/" + id)));
    }

    @GET
    @Path("{id: \\d+}/backups")
    public Response backups(
            @PathParam("id") long id,
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HalContext ctx = HalContext.of(uri, headers);
        return responses.ok(representer.page(
                ctx,
                "/databases/" + id + "/backups",
                "backups",
                pager.request(page, perPage).slice(databases.backupsOf(id)),
                b -> resources.backup(ctx, b),
                Map.of("database", "/databases/" + id)));
    }

    @GET
    @Path("{id: \\d+}/dependents")
    public Response dependents(
            @PathParam("id") long id,
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HalContext ctx = HalContext.of(uri, headers);
        return responses.ok(representer.page(
                ctx,
                "/databases/" + id + "/dependents",
                "databases",
                pager.request(page, perPage).slice(databases.dependents(id)),
                d -> resources.database(ctx, d),
                Map.of("database", "/databases/" + id)));
    }
}

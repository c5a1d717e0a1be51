package dev.ferry.simulator.aptible.rest;

import static dev.ferry.simulator.aptible.rest.JsonBodies.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.service.AccountService;
import dev.ferry.simulator.aptible.service.AppService;
import dev.ferry.simulator.aptible.service.DatabaseService;
import dev.ferry.simulator.aptible.service.EndpointService;
import dev.ferry.simulator.aptible.service.LogDrainService;
import dev.ferry.simulator.aptible.service.NewAccount;
import dev.ferry.simulator.aptible.service.OperationService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import java.util.Map;

/** Accounts (environments) and the collections hanging off them. */
@Path("/accounts")
public class AccountResource {

    private final AccountService accounts;
    private final AppService apps;
    private final OperationService operations;
    private final Representer representer;
    private final HalResponses responses;
    private final JsonBodies bodies;
    private final Pager pager;
    private final DatabaseService databases;
    private final EndpointService endpoints;
    private final LogDrainService logDrains;
    private final ResourceRepresenter resources;

    public AccountResource(
            AccountService accounts,
            AppService apps,
            OperationService operations,
            Representer representer,
            HalResponses responses,
            JsonBodies bodies,
            Pager pager,
            DatabaseService databases,
            EndpointService endpoints,
            LogDrainService logDrains,
            ResourceRepresenter resources) {
        this.databases = databases;
        this.endpoints = endpoints;
        this.logDrains = logDrains;
        this.resources = resources;
        this.accounts = accounts;
        this.apps = apps;
        this.operations = operations;
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
                "/accounts",
                "accounts",
                pager.request(page, perPage).slice(accounts.all()),
                a -> representer.account(ctx, a),
                Map.of()));
    }

    /** {@code {"handle", "type", "stack_id" | "stack", "organization_id", "name"}}. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        ObjectNode json = bodies.object(body);
        NewAccount request = new NewAccount(
                text(json, "handle"),
                text(json, "type"),
                text(json, "name"),
                text(json, "organization_id"),
                stackId(json),
                text(json, "stack"),
                text(json, "onboarding_status"));
        return responses.created(representer.account(HalContext.of(uri, headers), accounts.create(request)));
    }

    @GET
    @Path("{id: \\d+}")
    public Response get(@PathParam("id") long id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.ok(representer.account(HalContext.of(uri, headers), accounts.get(id)));
    }

    /** Deletes an environment that no longer holds apps, databases or log drains. */
    @DELETE
    @Path("{id: \\d+}")
    public Response delete(@PathParam("id") long id) {
        accounts.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id: \\d+}/databases")
    public Response databases(
            @PathParam("id") long id,
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HalContext ctx = HalContext.of(uri, headers);
        return responses.ok(representer.page(
                ctx,
                "/accounts/" + id + "/databases",
                "databases",
                pager.request(page, perPage).slice(databases.inExistingAccount(id)),
                d -> resources.database(ctx, d),
                Map.of("account", "/accounts/" + id)));
    }

    /**
     * {@code {"handle", "type", "initial_disk_size", "initial_container_size", "database_image_id" |
     * "database_image": href}}; answers 201 with a {@code pending} database that a provision operation brings up.
     */
    @POST
    @Path("{id: \\d+}/databases")
    @Consumes(MediaType.WILDCARD)
    public Response createDatabase(
            @PathParam("id") long id, String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        ObjectNode json = bodies.object(body);
        Long image = refId(json, "database_image_id", "database_image", "database_images");
        Long from = refId(json, "initialize_from_id", "initialize_from", "databases");
        var created = databases.create(
                id,
                new DatabaseService.NewDatabase(
                        text(json, "handle"),
                        text(json, "type"),
                        JsonBodies.integer(json, "initial_disk_size"),
                        JsonBodies.integer(json, "initial_container_size"),
                        image,
                        from));
        return responses.created(resources.database(HalContext.of(uri, headers), created));
    }

    @GET
    @Path("{id: \\d+}/log_drains")
    public Response logDrains(
            @PathParam("id") long id,
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HalContext ctx = HalContext.of(uri, headers);
        return responses.ok(representer.page(
                ctx,
                "/accounts/" + id + "/log_drains",
                "log_drains",
                pager.request(page, perPage).slice(logDrains.inAccount(id)),
                d -> resources.logDrain(ctx, d),
                Map.of("account", "/accounts/" + id)));
    }

    /** {@code {"handle", "drain_type", "url" | "drain_host" + "drain_port", "logging_token", "drain_*"}}. */
    @POST
    @Path("{id: \\d+}/log_drains")
    @Consumes(MediaType.WILDCARD)
    public Response createLogDrain(
            @PathParam("id") long id, String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        ObjectNode json = bodies.object(body);
        JsonNode port = json.get("drain_port");
        var created = logDrains.create(
                id,
                new LogDrainService.NewLogDrain(
                        text(json, "handle"),
                        text(json, "drain_type"),
                        text(json, "drain_host"),
                        port == null || port.isNull() ? null : port.asText(),
                        text(json, "url"),
                        text(json, "logging_token"),
                        text(json, "drain_username"),
                        JsonBodies.bool(json, "drain_apps"),
                        JsonBodies.bool(json, "drain_databases"),
                        JsonBodies.bool(json, "drain_ephemeral_sessions"),
                        JsonBodies.bool(json, "drain_proxies")));
        return responses.created(resources.logDrain(HalContext.of(uri, headers), created));
    }

    @GET
    @Path("{id: \\d+}/certificates")
    public Response certificates(
            @PathParam("id") long id,
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HalContext ctx = HalContext.of(uri, headers);
        return responses.ok(representer.page(
                ctx,
                "/accounts/" + id + "/certificates",
                "certificates",
                pager.request(page, perPage).slice(endpoints.certificates(id)),
                c -> resources.certificate(ctx, c),
                Map.of("account", "/accounts/" + id)));
    }

    /** {@code {"certificate_body": PEM, "private_key": PEM}}. */
    @POST
    @Path("{id: \\d+}/certificates")
    @Consumes(MediaType.WILDCARD)
    public Response createCertificate(
            @PathParam("id") long id, String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        ObjectNode json = bodies.object(body);
        var created = endpoints.createCertificate(id, text(json, "certificate_body"), text(json, "private_key"));
        return responses.created(resources.certificate(HalContext.of(uri, headers), created));
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
                "/accounts/" + id + "/vhosts",
                "vhosts",
                pager.request(page, perPage).slice(endpoints.inAccount(id)),
                v -> resources.vhost(ctx, v),
                Map.of("account", "/accounts/" + id)));
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
                "/accounts/" + id + "/backups",
                "backups",
                pager.request(page, perPage).slice(databases.backupsInAccount(id)),
                b -> resources.backup(ctx, b),
                Map.of("account", "/accounts/" + id)));
    }

    @GET
    @Path("{id: \\d+}/apps")
    public Response apps(
            @PathParam("id") long id,
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HalContext ctx = HalContext.of(uri, headers);
        return responses.ok(representer.page(
                ctx,
                "/accounts/" + id + "/apps",
                "apps",
                pager.request(page, perPage).slice(apps.inExistingAccount(id)),
                a -> representer.app(ctx, a),
                Map.of("account", "/accounts/" + id)));
    }

    /** {@code {"handle": "web"}}. */
    @POST
    @Path("{id: \\d+}/apps")
    @Consumes(MediaType.WILDCARD)
    public Response createApp(
            @PathParam("id") long id, String body, @Context UriInfo uri, @Context HttpHeaders headers) {
        ObjectNode json = bodies.object(body);
        return responses.created(representer.app(HalContext.of(uri, headers), apps.create(id, text(json, "handle"))));
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
        accounts.get(id);
        return responses.ok(representer.page(
                ctx,
                "/accounts/" + id + "/operations",
                "operations",
                pager.request(page, perPage).slice(operations.forAccount(id)),
                o -> representer.operation(ctx, o),
                Map.of("account", "/accounts/" + id)));
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
        return responses.ok(representer.page(
                ctx,
                "/accounts/" + id + "/services",
                "services",
                pager.request(page, perPage).slice(apps.servicesInAccount(id)),
                s -> representer.service(ctx, s),
                Map.of("account", "/accounts/" + id)));
    }

    /** Collections the simulator does not model (databases, vhosts, ...) are always empty. */
    @GET
    @Path("{id: \\d+}/{collection: [a-z_]+}")
    public Response emptyCollection(
            @PathParam("id") long id,
            @PathParam("collection") String collection,
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        if (!Representer.EMPTY_ACCOUNT_COLLECTIONS.contains(collection)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        accounts.get(id);
        return responses.ok(representer.page(
                HalContext.of(uri, headers),
                "/accounts/" + id + "/" + collection,
                collection,
                pager.request(page, perPage).slice(List.of()),
                x -> x,
                Map.of("account", "/accounts/" + id)));
    }

    /** A referenced resource given by id ({@code idField}) or by href ({@code hrefField}). */
    static Long refId(ObjectNode json, String idField, String hrefField, String collection) {
        JsonNode id = json.get(idField);
        if (id != null && !id.isNull()) {
            if (id.isIntegralNumber()) {
                return id.asLong();
            }
            if (id.isTextual() && id.asText().matches("\\d{1,18}")) {
                return Long.valueOf(id.asText());
            }
            throw ApiException.unprocessable(idField + " must be an integer");
        }
        String href = text(json, hrefField);
        return href == null ? null : dev.ferry.simulator.aptible.service.Hrefs.trailingId(href, collection);
    }

    private static Long stackId(ObjectNode json) {
        JsonNode node = json.get("stack_id");
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isTextual() && node.asText().matches("\\d{1,18}")) {
            return Long.valueOf(node.asText());
        }
        throw ApiException.unprocessable("stack_id must be an integer");
    }
}

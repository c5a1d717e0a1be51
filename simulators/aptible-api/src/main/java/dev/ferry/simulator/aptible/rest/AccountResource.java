package dev.ferry.simulator.aptible.rest;

import static dev.ferry.simulator.aptible.rest.JsonBodies.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.service.AccountService;
import dev.ferry.simulator.aptible.service.AppService;
import dev.ferry.simulator.aptible.service.NewAccount;
import dev.ferry.simulator.aptible.service.OperationService;
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

    public AccountResource(
            AccountService accounts,
            AppService apps,
            OperationService operations,
            Representer representer,
            HalResponses responses,
            JsonBodies bodies,
            Pager pager) {
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

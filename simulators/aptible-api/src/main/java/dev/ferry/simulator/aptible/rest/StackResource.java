package dev.ferry.simulator.aptible.rest;

import dev.ferry.simulator.aptible.service.AccountService;
import dev.ferry.simulator.aptible.service.StackCatalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/** Read-only stacks, so that accounts' {@code stack} links resolve. */
@Path("/stacks")
public class StackResource {

    private final StackCatalog stacks;
    private final AccountService accounts;
    private final Representer representer;
    private final HalResponses responses;
    private final Pager pager;

    public StackResource(
            StackCatalog stacks,
            AccountService accounts,
            Representer representer,
            HalResponses responses,
            Pager pager) {
        this.stacks = stacks;
        this.accounts = accounts;
        this.representer = representer;
        this.responses = responses;
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
                "/stacks",
                "stacks",
                pager.request(page, perPage).slice(stacks.all()),
                s -> representer.stack(ctx, s),
                Map.of()));
    }

    @GET
    @Path("{id: \\d+}")
    public Response get(@PathParam("id") long id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.ok(representer.stack(HalContext.of(uri, headers), stacks.get(id)));
    }

    @GET
    @Path("{id: \\d+}/accounts")
    public Response accounts(
            @PathParam("id") long id,
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        HalContext ctx = HalContext.of(uri, headers);
        return responses.ok(representer.page(
                ctx,
                "/stacks/" + id + "/accounts",
                "accounts",
                pager.request(page, perPage).slice(accounts.onStack(id)),
                a -> representer.account(ctx, a),
                Map.of("stack", "/stacks/" + id)));
    }
}

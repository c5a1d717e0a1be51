package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.domain.AddOn;
import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.rest.view.DataViews;
import dev.ferry.simulator.heroku.service.ApiException;
import dev.ferry.simulator.heroku.service.BackupLedger;
import dev.ferry.simulator.heroku.service.Caller;
import dev.ferry.simulator.heroku.service.DataDirectory;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * The Heroku Data API ({@code api.data.heroku.com}) on the simulator's port: Postgres database info
 * and PG Backups captures, Redis database info and config. {@code {addon}} is an add-on id or name.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DataApiResource {

    private static final String POSTGRES = "heroku-postgresql";
    private static final String REDIS = "heroku-redis";

    private final DataDirectory data;
    private final BackupLedger backups;
    private final InstantSource clock;

    public DataApiResource(DataDirectory data, BackupLedger backups, InstantSource clock) {
        this.data = data;
        this.backups = backups;
        this.clock = clock;
    }

    @GET
    @Path("client/v11/databases/{addon}")
    public DataViews.PostgresDatabaseView postgres(RoutingContext rc, @PathParam("addon") String addon) {
        AddOn a = data.addOn(Callers.of(rc), addon, POSTGRES);
        return DataViews.PostgresDatabaseView.of(a);
    }

    /** Starts a backup; poll it with {@code GET /client/v11/apps/{app}/transfers/{uuid}}. */
    @POST
    @Path("client/v11/databases/{addon}/backups")
    public Response capture(RoutingContext rc, @PathParam("addon") String addon) {
        Caller caller = Callers.of(rc);
        AddOn a = data.addOn(caller, addon, POSTGRES);
        data.requireWrite(caller);
        var transfer = backups.capture(a, data.billingApp(a));
        return Response.status(201)
                .entity(DataViews.TransferView.of(transfer, clock.instant()))
                .build();
    }

    @GET
    @Path("client/v11/apps/{app}/transfers")
    public List<DataViews.TransferView> transfers(RoutingContext rc, @PathParam("app") String app) {
        App a = data.app(Callers.of(rc), app);
        var now = clock.instant();
        return backups.of(a).stream()
                .map(t -> DataViews.TransferView.of(t, now))
                .toList();
    }

    @GET
    @Path("client/v11/apps/{app}/transfers/{transfer}")
    public DataViews.TransferView transfer(
            RoutingContext rc, @PathParam("app") String app, @PathParam("transfer") String transfer) {
        App a = data.app(Callers.of(rc), app);
        return backups.find(a, transfer)
                .map(t -> DataViews.TransferView.of(t, clock.instant()))
                .orElseThrow(() -> ApiException.notFound("Couldn't find that transfer."));
    }

    @GET
    @Path("redis/v0/databases/{addon}")
    public DataViews.RedisDatabaseView redis(RoutingContext rc, @PathParam("addon") String addon) {
        return DataViews.RedisDatabaseView.of(data.addOn(Callers.of(rc), addon, REDIS));
    }

    @GET
    @Path("redis/v0/databases/{addon}/config")
    public Map<String, Object> redisConfig(RoutingContext rc, @PathParam("addon") String addon) {
        return DataViews.redisConfig(data.addOn(Callers.of(rc), addon, REDIS));
    }
}

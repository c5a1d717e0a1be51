package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.domain.Estate;
import dev.ferry.simulator.heroku.service.RequestLog;
import dev.ferry.simulator.heroku.service.SimulatorAdmin;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Test-only controls outside Heroku's namespace: request counts and a full reset. */
@Path(HerokuPaths.ADMIN_ROOT)
@Produces(MediaType.APPLICATION_JSON)
public class SimulatorAdminResource {

    private final RequestLog requestLog;
    private final SimulatorAdmin admin;

    public SimulatorAdminResource(RequestLog requestLog, SimulatorAdmin admin) {
        this.requestLog = requestLog;
        this.admin = admin;
    }

    /** Request counts since start or the last reset. */
    public record RequestCounts(long total, List<RequestLog.Entry> requests) {}

    /** What the reset loaded. */
    public record ResetResult(int accounts, int teams, int apps, int addons) {}

    @GET
    @Path("/requests")
    public RequestCounts requests() {
        List<RequestLog.Entry> entries = requestLog.snapshot();
        return new RequestCounts(
                entries.stream().mapToLong(RequestLog.Entry::count).sum(), entries);
    }

    @POST
    @Path("/reset")
    public ResetResult reset() {
        Estate estate = admin.reset();
        return new ResetResult(
                estate.accounts().size(),
                estate.teams().size(),
                estate.apps().size(),
                estate.addOns().size());
    }
}

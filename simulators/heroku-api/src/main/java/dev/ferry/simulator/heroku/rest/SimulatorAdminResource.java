package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.domain.Estate;
import dev.ferry.simulator.heroku.service.FaultInjector;
import dev.ferry.simulator.heroku.service.RequestLog;
import dev.ferry.simulator.heroku.service.SimulatorAdmin;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Test-only controls outside Heroku's namespace: request counts, faults and a full reset. */
@Path(HerokuPaths.ADMIN_ROOT)
@Produces(MediaType.APPLICATION_JSON)
public class SimulatorAdminResource {

    private final RequestLog requestLog;
    private final SimulatorAdmin admin;
    private final FaultInjector faults;

    public SimulatorAdminResource(RequestLog requestLog, SimulatorAdmin admin, FaultInjector faults) {
        this.requestLog = requestLog;
        this.admin = admin;
        this.faults = faults;
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

    /** Installs a fault, e.g. {@code {"path_prefix": "/apps/x/config-vars", "status": 503, "count": 2}}. */
    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public FaultInjector.FaultView addFault(FaultInjector.FaultSpec spec) {
        if (spec == null) {
            throw new BadRequestException("send a fault such as {\"path_prefix\": \"/apps\", \"status\": 503}");
        }
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        return faults.add(spec);
    }

    /** Installed faults and the requests each still applies to ({@code -1}: every one). */
    @GET
    @Path("/faults")
    public List<FaultInjector.FaultView> faults() {
        return faults.list();
    }

    /** Removes every fault, leaving the estate, buckets and counts alone. */
    @DELETE
    @Path("/faults")
    public void clearFaults() {
        faults.clear();
    }
}

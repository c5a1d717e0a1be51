package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.service.AppDirectory;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.TreeMap;

/** Serves an app's config vars as one flat object of name to value. */
@Path("/apps/{app}/config-vars")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigVarResource {

    private final AppDirectory apps;

    public ConfigVarResource(AppDirectory apps) {
        this.apps = apps;
    }

    @GET
    public Map<String, String> configVars(RoutingContext rc, @PathParam("app") String app) {
        return new TreeMap<>(apps.configVars(Callers.of(rc), app));
    }
}

package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Estate;
import dev.ferry.simulator.heroku.domain.Formation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Answers app, formation and config-var questions for a caller, enforcing visibility and scope. */
@ApplicationScoped
public class AppDirectory {

    private final EstateStore store;

    public AppDirectory(EstateStore store) {
        this.store = store;
    }

    /** Every app the caller's account can see. */
    public List<App> visibleApps(Caller caller) {
        requireAppScope(caller);
        return store.current().appsVisibleTo(caller.account());
    }

    /**
     * One app by id or name: 404 when no such app exists, 403 when it belongs to someone else, as
     * Heroku answers.
     */
    public App app(Caller caller, String idOrName) {
        requireAppScope(caller);
        Estate estate = store.current();
        App app = estate.appByIdOrName(idOrName).orElseThrow(() -> ApiException.notFound("Couldn't find that app."));
        if (!estate.canSee(caller.account(), app)) {
            throw ApiException.forbidden("You do not have access to the app " + app.name() + ".");
        }
        return app;
    }

    /** The app's formation, one entry per process type. */
    public List<Formation> formation(Caller caller, String appIdOrName) {
        return app(caller, appIdOrName).formation();
    }

    /** One process type of the app's formation, by id or type name. */
    public Formation formation(Caller caller, String appIdOrName, String idOrType) {
        return formation(caller, appIdOrName).stream()
                .filter(f -> f.type().equals(idOrType) || f.id().toString().equals(idOrType))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Couldn't find that formation."));
    }

    /** The app's config vars; only tokens allowed to read secrets get them. */
    public Map<String, String> configVars(Caller caller, String appIdOrName) {
        if (!caller.token().readsSecrets()) {
            throw ApiException.forbidden("This token's OAuth scope does not allow reading config vars; "
                    + "use a token with the global, read-protected or write-protected scope.");
        }
        return app(caller, appIdOrName).configVars();
    }

    /** The estate snapshot the answers come from, for building response bodies. */
    public Estate estate() {
        return store.current();
    }

    static void requireAppScope(Caller caller) {
        if (!caller.token().readsApps()) {
            throw ApiException.forbidden("This token's OAuth scope does not allow reading apps.");
        }
    }
}

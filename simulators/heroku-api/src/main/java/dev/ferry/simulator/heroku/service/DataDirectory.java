package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.domain.AddOn;
import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Estate;
import jakarta.enterprise.context.ApplicationScoped;

/** Resolves Data API paths: Postgres and Redis add-ons by id or name, as their apps' callers see them. */
@ApplicationScoped
public class DataDirectory {

    private final EstateStore store;
    private final AppDirectory apps;

    public DataDirectory(EstateStore store, AppDirectory apps) {
        this.store = store;
        this.apps = apps;
    }

    /** A visible add-on of the given service; 404 for unknown or other services, as the Data API answers. */
    public AddOn addOn(Caller caller, String idOrName, String service) {
        AppDirectory.requireAppScope(caller);
        Estate estate = store.current();
        AddOn addOn = estate.addOnByIdOrName(idOrName)
                .filter(a -> a.service().equals(service))
                .orElseThrow(() -> ApiException.notFound("Couldn't find that " + service + " database."));
        if (!estate.addOnsVisibleTo(caller.account()).contains(addOn)) {
            throw ApiException.forbidden("You do not have access to the add-on " + addOn.name() + ".");
        }
        return addOn;
    }

    /** The add-on's billing app, where its backups live. */
    public App billingApp(AddOn addOn) {
        return store.current().app(addOn.billingAppId()).orElseThrow();
    }

    public App app(Caller caller, String idOrName) {
        return apps.app(caller, idOrName);
    }

    public void requireWrite(Caller caller) {
        AppDirectory.requireWrite(caller);
    }
}

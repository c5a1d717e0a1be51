package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Estate;
import dev.ferry.simulator.heroku.domain.Formation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Answers app, formation and config-var questions for a caller, enforcing visibility and scope. */
@ApplicationScoped
public class AppDirectory {

    private final EstateStore store;
    private final InstantSource clock;

    public AppDirectory(EstateStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One requested change of a process type; null fields stay as they are. */
    public record Scale(String type, Integer quantity, String size) {}

    /** Switches maintenance mode; the change shows in every later read. */
    public App setMaintenance(Caller caller, String appIdOrName, boolean on) {
        App app = app(caller, appIdOrName);
        requireWrite(caller);
        App changed = app.withMaintenance(on, clock.instant());
        store.update(estate -> estate.withApp(changed));
        return changed;
    }

    /** Scales process types all at once, or not at all when one change is invalid. */
    public List<Formation> scale(Caller caller, String appIdOrName, List<Scale> changes) {
        App app = app(caller, appIdOrName);
        requireWrite(caller);
        if (changes == null || changes.isEmpty()) {
            throw new ApiException(422, "invalid_params", "Send at least one formation update.");
        }
        var now = clock.instant();
        List<Formation> formation = new ArrayList<>(app.formation());
        List<Formation> changed = new ArrayList<>();
        for (Scale change : changes) {
            int index = -1;
            for (int i = 0; i < formation.size(); i++) {
                if (formation.get(i).type().equals(change.type())) {
                    index = i;
                }
            }
            if (index < 0) {
                throw ApiException.notFound("Couldn't find that formation.");
            }
            if (change.quantity() != null && change.quantity() < 0) {
                throw new ApiException(422, "invalid_params", "Quantity must be a positive integer or zero.");
            }
            if (change.size() != null && !DynoSizes.known(change.size())) {
                throw new ApiException(422, "invalid_params", "Invalid dyno size: " + change.size() + ".");
            }
            Formation f = formation.get(index);
            Formation scaled = f.scaled(
                    change.quantity() == null ? f.quantity() : change.quantity(),
                    change.size() == null ? f.size() : change.size(),
                    now);
            formation.set(index, scaled);
            changed.add(scaled);
        }
        App updated = app.withFormation(formation, now);
        store.update(estate -> estate.withApp(updated));
        return changed;
    }

    static void requireWrite(Caller caller) {
        if (!caller.token().writesApps()) {
            throw ApiException.forbidden("This token's OAuth scope does not allow changing apps; "
                    + "use a token with the global, write or write-protected scope.");
        }
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

    /** Every app feature Heroku offers, sorted; each app reports which are enabled. */
    public List<String> knownFeatures() {
        return DetailsAssembler.FEATURES.stream().sorted().toList();
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

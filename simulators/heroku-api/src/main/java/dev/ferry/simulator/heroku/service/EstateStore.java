package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.domain.Estate;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/** Holds the current estate; loaded at startup so a broken estate file stops the server early. */
@Startup
@ApplicationScoped
public class EstateStore {

    private static final Logger LOG = Logger.getLogger(EstateStore.class);

    private final EstateSource source;
    private final DatabaseBacking backing;
    private volatile Estate estate;

    public EstateStore(EstateSource source, DatabaseBacking backing) {
        this.source = source;
        this.backing = backing;
        this.estate = load();
    }

    /** The estate requests are answered from. */
    public Estate current() {
        return estate;
    }

    /** Applies a change (a write request) to the current estate; changes are serialised. */
    public synchronized Estate update(UnaryOperator<Estate> change) {
        estate = change.apply(estate);
        return estate;
    }

    /** Reads the estate file again, dropping nothing but replacing everything. */
    public synchronized Estate reload() {
        estate = load();
        return estate;
    }

    private Estate load() {
        Estate loaded = backing.back(source.load());
        LOG.infof(
                "Loaded Heroku estate from %s: %d accounts, %d apps, %d add-ons",
                source.describe(),
                loaded.accounts().size(),
                loaded.apps().size(),
                loaded.addOns().size());
        return loaded;
    }
}

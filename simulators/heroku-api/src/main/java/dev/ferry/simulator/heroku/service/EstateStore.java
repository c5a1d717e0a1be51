package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.domain.Estate;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Holds the current estate; loaded at startup so a broken estate file stops the server early. */
@Startup
@ApplicationScoped
public class EstateStore {

    private static final Logger LOG = Logger.getLogger(EstateStore.class);

    private final EstateSource source;
    private volatile Estate estate;

    public EstateStore(EstateSource source) {
        this.source = source;
        this.estate = load();
    }

    /** The estate requests are answered from. */
    public Estate current() {
        return estate;
    }

    /** Reads the estate file again, dropping nothing but replacing everything. */
    public Estate reload() {
        estate = load();
        return estate;
    }

    private Estate load() {
        Estate loaded = source.load();
        LOG.infof(
                "Loaded Heroku estate from %s: %d accounts, %d apps, %d add-ons",
                source.describe(),
                loaded.accounts().size(),
                loaded.apps().size(),
                loaded.addOns().size());
        return loaded;
    }
}

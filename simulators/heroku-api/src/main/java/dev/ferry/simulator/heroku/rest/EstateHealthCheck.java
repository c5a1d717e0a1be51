package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.service.EstateStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports ready once an estate is loaded, with its size, so scripts can wait for the server. */
@Readiness
@ApplicationScoped
public class EstateHealthCheck implements HealthCheck {

    private final EstateStore store;

    public EstateHealthCheck(EstateStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        var estate = store.current();
        return HealthCheckResponse.named("heroku-estate")
                .status(estate != null)
                .withData("apps", estate == null ? 0 : estate.apps().size())
                .withData("addons", estate == null ? 0 : estate.addOns().size())
                .build();
    }
}

package dev.ferry.simulator.heroku.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/** Supplies the wall clock as a bean so time-dependent logic can be tested with a fake one. */
@ApplicationScoped
public class ClockProducer {

    /** The system clock used for bucket refills. */
    @Produces
    @Singleton
    InstantSource instantSource() {
        return InstantSource.system();
    }
}

package dev.ferry.simulator.aptible.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.aptible.config.SimulatorConfig;
import dev.ferry.simulator.aptible.domain.Stack;
import dev.ferry.simulator.aptible.service.StackCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The configured seed ({@code aptible-sim.seed}), read and validated once: stacks are fixed for the life of
 * the process and a reset re-applies the same seed.
 */
@ApplicationScoped
public class SeedSource {

    private final Optional<Seed> seed;

    public SeedSource(SimulatorConfig config, ObjectMapper mapper) {
        this.seed = config.seed().filter(s -> !s.isBlank()).map(location -> load(location, config, mapper));
    }

    private static Seed load(String location, SimulatorConfig config, ObjectMapper mapper) {
        Seed seed = new SeedReader(mapper).read(location);
        SeedValidator.check(
                seed,
                StackCatalog.builtIn(config.organizationId()).stream()
                        .map(Stack::name)
                        .toList());
        return seed;
    }

    /** The seed, or empty when none is configured. */
    public Optional<Seed> seed() {
        return seed;
    }
}

package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.config.SimulatorConfig;
import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.domain.Stack;
import dev.ferry.simulator.aptible.seed.SeedDocument;
import dev.ferry.simulator.aptible.seed.SeedSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The stacks environments can be created on: one shared and one dedicated built in, plus those of the seed. */
@ApplicationScoped
public class StackCatalog {

    public static final long SHARED_STACK_ID = 1;

    private final List<Stack> stacks;

    public StackCatalog(SimulatorConfig config, SeedSource seeds) {
        List<Stack> all = new ArrayList<>(builtIn(config.organizationId()));
        List<SeedDocument.StackSpec> seeded =
                seeds.seed().map(s -> s.document().stacks()).orElse(List.of());
        for (SeedDocument.StackSpec spec : seeded) {
            all.add(new Stack(
                    all.size() + 1L,
                    spec.name(),
                    spec.region() == null ? "us-east-1" : spec.region(),
                    Boolean.TRUE.equals(spec.shared())
                            ? null
                            : Optional.ofNullable(spec.organizationId()).orElse(config.organizationId())));
        }
        all.sort(Comparator.comparingLong(Stack::id).reversed());
        this.stacks = List.copyOf(all);
    }

    /** The stacks that exist without a seed, newest first. */
    public static List<Stack> builtIn(String organizationId) {
        return List.of(
                new Stack(2, "ferry-dedicated-us-east-1", "us-east-1", organizationId),
                new Stack(SHARED_STACK_ID, "shared-us-west-1", "us-west-1", null));
    }

    /** Stacks newest first, as the API lists them. */
    public List<Stack> all() {
        return stacks;
    }

    public Optional<Stack> find(long id) {
        return stacks.stream().filter(s -> s.id() == id).findFirst();
    }

    public Stack get(long id) {
        return find(id).orElseThrow(() -> ApiException.notFound("Stack", id));
    }

    /** The stack with this name, as a seed names it. */
    public Optional<Stack> named(String name) {
        return stacks.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}

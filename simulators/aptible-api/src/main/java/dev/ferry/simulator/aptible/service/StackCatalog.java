package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.config.SimulatorConfig;
import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.domain.Stack;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The fixed stacks environments can be created on: one shared, one dedicated. */
@ApplicationScoped
public class StackCatalog {

    public static final long SHARED_STACK_ID = 1;

    private final List<Stack> stacks;

    public StackCatalog(SimulatorConfig config) {
        this.stacks = List.of(
                new Stack(2, "ferry-dedicated-us-east-1", "us-east-1", config.organizationId()),
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
}

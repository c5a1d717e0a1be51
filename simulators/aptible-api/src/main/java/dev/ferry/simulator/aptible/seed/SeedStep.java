package dev.ferry.simulator.aptible.seed;

import dev.ferry.simulator.aptible.domain.ApiException;
import java.util.function.Supplier;

/** Names the seed entry whose creation the API refused, so the start-up error points at it. */
final class SeedStep {

    private SeedStep() {}

    /** A refused step: the message is {@code where: why}. */
    static final class Failure extends RuntimeException {
        Failure(String where, RuntimeException cause) {
            super(where + ": " + cause.getMessage(), cause);
        }
    }

    static <T> T run(String where, Supplier<T> step) {
        try {
            return step.get();
        } catch (ApiException | IllegalStateException e) {
            throw new Failure(where, e);
        }
    }
}

package dev.ferry.inventory.service;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/** Runs one read per item, at most {@code parallelism} at once, keeping the items' order. */
final class Parallel {

    private Parallel() {}

    static <A, B> Uni<List<B>> map(List<A> items, int parallelism, Function<A, Uni<B>> read) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<B>> unis = items.stream().map(read).toList();
        return Uni.join().all(unis).usingConcurrencyOf(Math.max(1, parallelism)).andFailFast();
    }
}

package dev.ferry.simulator.aptible.service;

import java.util.List;
import java.util.function.Function;

/** One page of a collection together with what is needed to link the others. */
public record Page<T>(List<T> items, int totalCount, PageRequest request) {

    public boolean hasNext() {
        return (long) request.page() * request.perPage() < totalCount;
    }

    public boolean hasPrevious() {
        return request.page() > 1;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), totalCount, request);
    }
}

package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.domain.ApiException;
import java.util.List;

/** The {@code page} and {@code per_page} query parameters of a collection request. */
public record PageRequest(int page, int perPage, boolean perPageGiven) {

    /** Parses raw parameters; absent values fall back to page 1 and the default size. */
    public static PageRequest parse(String page, String perPage, int defaultPerPage, int max) {
        int number = page == null || page.isBlank() ? 1 : positive("page", page);
        boolean given = perPage != null && !perPage.isBlank();
        int size = given ? Math.min(positive("per_page", perPage), max) : defaultPerPage;
        return new PageRequest(number, size, given);
    }

    private static int positive(String name, String raw) {
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(name + " must be a positive integer");
    }

    public <T> Page<T> slice(List<T> all) {
        long from = (long) (page - 1) * perPage;
        List<T> items =
                from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + perPage));
        return new Page<>(items, all.size(), this);
    }
}

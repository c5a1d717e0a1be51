package dev.ferry.simulator.heroku.service;

import java.util.List;

/**
 * One page of a list answer and the headers that describe it.
 *
 * @param nextRange value for {@code Next-Range}, or null when this page ends the list
 * @param contentRange value for {@code Content-Range}
 * @param acceptRanges value for {@code Accept-Ranges}
 */
public record Page<T>(List<T> items, String nextRange, String contentRange, String acceptRanges) {

    public Page {
        items = List.copyOf(items);
    }

    /** Whether more items remain, so the answer is {@code 206 Partial Content}. */
    public boolean partial() {
        return nextRange != null;
    }
}

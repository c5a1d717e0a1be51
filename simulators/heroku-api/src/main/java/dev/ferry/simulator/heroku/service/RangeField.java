package dev.ferry.simulator.heroku.service;

import java.util.function.Function;

/**
 * A field a list can be sorted and ranged by, with how to read it from an item. Its values must be
 * unique within the list, or pages could skip items. Numeric fields (a release's {@code version})
 * sort as numbers.
 */
public record RangeField<T>(String name, Function<T, String> key, boolean numeric) {

    public RangeField(String name, Function<T, String> key) {
        this(name, key, false);
    }
}

package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.rest.view.PlatformViews;

/** Checks dyno size names against the catalogue, ignoring case as Heroku does. */
final class DynoSizes {

    private DynoSizes() {}

    static boolean known(String size) {
        return PlatformViews.DynoSizeView.CATALOGUE.stream()
                .anyMatch(d -> d.name().equalsIgnoreCase(size));
    }
}

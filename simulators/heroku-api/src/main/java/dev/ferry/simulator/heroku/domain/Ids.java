package dev.ferry.simulator.heroku.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Derives stable UUIDs from names so an estate without ids yields the same ids on every run. */
public final class Ids {

    private Ids() {}

    /**
     * A name-based UUID for an object of the given kind.
     *
     * @param kind resource kind, e.g. {@code app}, keeps equal names of different kinds apart
     * @param name the object's natural key
     */
    public static UUID derive(String kind, String name) {
        return UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8));
    }
}

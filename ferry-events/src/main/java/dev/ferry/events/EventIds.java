package dev.ferry.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic ids, so an event derived twice from the same cause is recognised as one. */
public final class EventIds {
    private EventIds() {}

    /** A name-based UUID from the parts; the same parts always give the same id. */
    public static String derive(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A random id for events caused by a person or a clock. */
    public static String random() {
        return UUID.randomUUID().toString();
    }
}

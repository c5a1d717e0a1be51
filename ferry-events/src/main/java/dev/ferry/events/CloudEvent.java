package dev.ferry.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One event with its CloudEvents 1.0 attributes, as it travels in Kafka binary mode.
 *
 * @param id unique id; consumers deduplicate on it
 * @param source the URI of the service that appended it, e.g. {@code /ferry/planner}
 * @param type the versioned type name, e.g. {@code ferry.plan.approved.v1}
 * @param subject the aggregate id, also the Kafka key
 * @param time when the fact happened
 * @param data the event record
 */
public record CloudEvent(String id, String source, String type, String subject, Instant time, FerryEvent data) {

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Wraps an event with a fresh attribute set; the id is supplied so derived events can be
     * deterministic.
     */
    public static CloudEvent of(String id, String source, FerryEvent data, Instant time) {
        return new CloudEvent(id, source, EventCatalog.typeName(data), data.subject(), time, data);
    }

    /** The topic this event is appended to. */
    public String topic() {
        return Topics.topicOf(data);
    }
}

package dev.ferry.events;

/**
 * Every fact Ferry records. Each aggregate has its own sealed sub-interface; {@link EventCatalog}
 * lists the aggregates, so the catalogue of event types stays closed.
 */
public interface FerryEvent {

    /**
     * The aggregate id: the CloudEvents subject and the Kafka key, so an aggregate stays ordered.
     */
    String subject();
}

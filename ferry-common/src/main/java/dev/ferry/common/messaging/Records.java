package dev.ferry.common.messaging;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventCodec;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/** Decodes consumed records the same way in every consumer: malformed ones are logged and skipped, never fatal. */
public final class Records {
    private static final Logger LOG = Logger.getLogger(Records.class);

    private Records() {}

    /** The event in a record; empty for an unknown type (a newer producer) or a malformed record. */
    public static Optional<CloudEvent> decode(ConsumerRecord<String, String> record) {
        try {
            return EventCodec.fromRecord(record);
        } catch (IllegalArgumentException e) {
            LOG.errorf(
                    "Skipping malformed record %s-%d@%d: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            return Optional.empty();
        }
    }
}

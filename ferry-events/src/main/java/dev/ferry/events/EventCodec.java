package dev.ferry.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Reads and writes CloudEvents in Kafka binary mode: attributes in {@code ce_*} headers, data as
 * JSON.
 */
public final class EventCodec {
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private EventCodec() {}

    /**
     * The mapper used for event data; tolerant of unknown fields so newer producers never break
     * older consumers.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The JSON data of an event. */
    public static String toJson(FerryEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Cannot serialise " + event.getClass().getName(), e);
        }
    }

    /** Reads event data of a known type. */
    public static FerryEvent fromJson(String type, String json) {
        Class<? extends FerryEvent> eventClass =
                EventCatalog.classOf(type).orElseThrow(() -> new UnknownEventTypeException(type));
        try {
            return MAPPER.readValue(json, eventClass);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(
                    "Event data of type " + type + " is not valid: " + e.getOriginalMessage(), e);
        }
    }

    /** The Kafka headers that carry the CloudEvents attributes. */
    public static Headers headers(CloudEvent event) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, "ce_specversion", SPEC_VERSION);
        put(headers, "ce_id", event.id());
        put(headers, "ce_source", event.source());
        put(headers, "ce_type", event.type());
        put(headers, "ce_subject", event.subject());
        put(headers, "ce_time", event.time().toString());
        put(headers, "content-type", CONTENT_TYPE);
        return headers;
    }

    /** A producer record keyed by the aggregate id. */
    public static ProducerRecord<String, String> toRecord(CloudEvent event) {
        return new ProducerRecord<>(event.topic(), null, event.subject(), toJson(event.data()), headers(event));
    }

    /** Decodes a consumed record; unknown types (from a newer producer) give an empty result. */
    public static Optional<CloudEvent> fromRecord(ConsumerRecord<String, String> record) {
        return decode(record.headers(), record.value());
    }

    /** Decodes headers and a value; unknown types give an empty result, malformed ones throw. */
    public static Optional<CloudEvent> decode(Headers headers, String value) {
        String type = header(headers, "ce_type");
        if (type == null || EventCatalog.classOf(type).isEmpty()) {
            return Optional.empty();
        }
        String id = require(headers, "ce_id");
        String source = require(headers, "ce_source");
        String subject = require(headers, "ce_subject");
        Instant time = Instant.parse(require(headers, "ce_time"));
        return Optional.of(new CloudEvent(id, source, type, subject, time, fromJson(type, value)));
    }

    /** A header's text, or null. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String require(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null) {
            throw new MalformedEventException("Record lacks the CloudEvents header " + name, null);
        }
        return value;
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The record names a type this build does not know. */
    public static final class UnknownEventTypeException extends IllegalArgumentException {
        public UnknownEventTypeException(String type) {
            super("Unknown event type " + type);
        }
    }

    /** The record cannot be read as the event it claims to be. */
    public static final class MalformedEventException extends IllegalArgumentException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

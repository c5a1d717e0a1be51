package dev.ferry.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.events.plan.PlanApproved;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    @Test
    void writesBinaryModeHeadersKeyedByTheAggregate() {
        PlanApproved approved = new PlanApproved("plan-7", 2, "bob", null, EventSamples.T);
        CloudEvent event = CloudEvent.of("e-1", "/ferry/planner", approved, EventSamples.T);
        ProducerRecord<String, String> record = EventCodec.toRecord(event);

        assertThat(record.topic()).isEqualTo(Topics.PLANS);
        assertThat(record.key()).isEqualTo("plan-7");
        assertThat(EventCodec.header(record.headers(), "ce_type")).isEqualTo("ferry.plan.approved.v1");
        assertThat(EventCodec.header(record.headers(), "ce_subject")).isEqualTo("plan-7");
        assertThat(EventCodec.header(record.headers(), "ce_id")).isEqualTo("e-1");
        assertThat(EventCodec.header(record.headers(), "ce_source")).isEqualTo("/ferry/planner");
        assertThat(EventCodec.header(record.headers(), "ce_specversion")).isEqualTo("1.0");
        assertThat(EventCodec.header(record.headers(), "ce_time")).isEqualTo("2026-11-26T12:00:00Z");
    }

    @Test
    void everySampleSurvivesAKafkaRoundTrip() {
        for (FerryEvent data : EventSamples.all()) {
            CloudEvent event = CloudEvent.of(EventIds.random(), "/ferry/test", data, EventSamples.T);
            ProducerRecord<String, String> out = EventCodec.toRecord(event);
            ConsumerRecord<String, String> in = new ConsumerRecord<>(out.topic(), 0, 0L, out.key(), out.value());
            out.headers().forEach(h -> in.headers().add(h));
            assertThat(EventCodec.fromRecord(in)).contains(event);
        }
    }

    @Test
    void unknownTypesFromNewerProducersAreSkipped() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", "ferry.plan.teleported.v9".getBytes(StandardCharsets.UTF_8));
        assertThat(EventCodec.decode(headers, "{}")).isEmpty();
    }

    @Test
    void aRecordWithoutItsIdIsMalformed() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", "ferry.plan.approved.v1".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> EventCodec.decode(headers, "{}"))
                .isInstanceOf(EventCodec.MalformedEventException.class)
                .hasMessageContaining("ce_id");
    }

    @Test
    void derivedIdsAreDeterministic() {
        assertThat(EventIds.derive("a", "b"))
                .isEqualTo(EventIds.derive("a", "b"))
                .isNotEqualTo(EventIds.derive("a", "c"));
    }
}

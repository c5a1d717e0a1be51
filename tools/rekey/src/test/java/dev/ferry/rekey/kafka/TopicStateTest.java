package dev.ferry.rekey.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.EventCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicStateTest {

    private static TopicState state(List<Long> counts, List<List<Long>> breaks) {
        return new TopicState(
                "t",
                TopicState.Phase.STAGED,
                "k2",
                new TopicAdmin.Shape(counts.size(), (short) 1, Map.of()),
                counts,
                counts,
                breaks,
                Map.of(),
                Instant.EPOCH);
    }

    @Test
    void consecutiveOffsetsFromZeroMoveAsThemselves() {
        TopicState s = state(List.of(10L), List.of(List.of(0L, 0L)));
        assertThat(s.translate(0, 0)).isZero();
        assertThat(s.translate(0, 7)).isEqualTo(7);
        assertThat(s.translate(0, 10)).isEqualTo(10);
        assertThat(s.translate(0, 99)).isEqualTo(10);
    }

    @Test
    void gapsAndALaterLogStartAreClosedUp() {
        // originals at offsets 5..7 and 10..11 (a transaction marker or deleted segment in between)
        TopicState s = state(List.of(5L), List.of(List.of(5L, 0L, 10L, 3L)));
        assertThat(s.translate(0, 0))
                .as("before the log start: from the first record")
                .isZero();
        assertThat(s.translate(0, 6)).isEqualTo(1);
        assertThat(s.translate(0, 8)).as("inside the gap: the next record").isEqualTo(3);
        assertThat(s.translate(0, 10)).isEqualTo(3);
        assertThat(s.translate(0, 11)).isEqualTo(4);
        assertThat(s.translate(0, 12)).as("at the end").isEqualTo(5);
    }

    @Test
    void anEmptyPartitionMovesEverythingToZero() {
        assertThat(state(List.of(0L), List.of(List.of())).translate(0, 42)).isZero();
    }

    @Test
    void survivesTheJsonRoundTripOfTheStateTopic() throws Exception {
        TopicState s = state(List.of(3L, 0L), List.of(List.of(0L, 0L), List.of()))
                .withGroupOffsets(Map.of("g", Map.of(0, 2L)));
        String json = EventCodec.mapper().writeValueAsString(s);
        assertThat(EventCodec.mapper().readValue(json, TopicState.class)).isEqualTo(s);
    }
}

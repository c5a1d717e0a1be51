package dev.ferry.common.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TracingSamplerTest {

    @Test
    void recordsOnlyWhenAnEndpointIsConfiguredUnlessSaidOtherwise() {
        assertThat(TracingSampler.enabled(Optional.empty(), Optional.empty(), Optional.empty()))
                .isFalse();
        assertThat(TracingSampler.enabled(Optional.empty(), Optional.of(" "), Optional.empty()))
                .isFalse();
        assertThat(TracingSampler.enabled(Optional.empty(), Optional.of("http://otel:4317"), Optional.empty()))
                .isTrue();
        assertThat(TracingSampler.enabled(Optional.empty(), Optional.empty(), Optional.of("http://otel:4317")))
                .isTrue();
        assertThat(TracingSampler.enabled(Optional.of(false), Optional.of("http://otel:4317"), Optional.empty()))
                .isFalse();
        assertThat(TracingSampler.enabled(Optional.of(true), Optional.empty(), Optional.empty()))
                .isTrue();
    }
}

package dev.ferry.inventory.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class HerokuMetricsTest {

    @Test
    void theHeadroomGaugeReadsTheLatestValueWhicheverInstanceRegisteredIt() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // as across a restart in one JVM: the first instance registers the gauge and goes away
        new HerokuMetrics(registry).remaining(4000);
        HerokuMetrics current = new HerokuMetrics(registry);
        System.gc();
        current.remaining(1234);
        assertThat(registry.get("ferry.inventory.heroku.ratelimit.remaining")
                        .gauge()
                        .value())
                .isEqualTo(1234.0);
    }

    @Test
    void callsAreCountedByStatusClass() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HerokuMetrics metrics = new HerokuMetrics(registry);
        metrics.call(200);
        metrics.call(429);
        metrics.call(0);
        assertThat(registry.get("ferry.inventory.heroku.calls")
                        .tag("status", "2xx")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("ferry.inventory.heroku.calls")
                        .tag("status", "4xx")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("ferry.inventory.heroku.calls")
                        .tag("status", "error")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("ferry.inventory.heroku.rate.limited").counter().count())
                .isEqualTo(1);
    }
}

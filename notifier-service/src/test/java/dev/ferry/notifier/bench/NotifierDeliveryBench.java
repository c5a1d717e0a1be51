package dev.ferry.notifier.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.notifier.NotifierTestResources;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: 50 step events a second for 30 s (-Dbench.rate, -Dbench.seconds) to the
 * default incoming webhook with no rate limit anywhere (the test profile turns pacing off), and the
 * latency from append to the receiver getting each message. Run with {@code bench/notifier-delivery.sh}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = NotifierTestResources.DATABASE))
@WithTestResource(
        value = SimulatorResource.class,
        initArgs = {
            @ResourceArg(name = "module", value = NotifierTestResources.SLACK_MODULE),
            @ResourceArg(name = "property", value = NotifierTestResources.SLACK_URL_PROPERTY)
        })
class NotifierDeliveryBench {
    static final int RATE = Integer.getInteger("bench.rate", 50);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = NotifierTestResources.SLACK_URL_PROPERTY)
    String receiverUrl;

    @Test
    void withoutRateLimits() throws Exception {
        given().baseUri(receiverUrl)
                .contentType("application/json")
                .body(Map.of("perChannelPerSecond", 0))
                .post("/_receiver/rate-limit");
        DeliveryLoad load = new DeliveryLoad(bootstrap, receiverUrl);
        List<String> migrations = List.of("bench-m1", "bench-m2", "bench-m3", "bench-m4", "bench-m5");
        load.run("warm-up", migrations, 20, 5, Duration.ofSeconds(30));
        DeliveryLoad.Result result =
                load.run("1 webhook channel, no pacing, no 429s", migrations, RATE, SECONDS, Duration.ofSeconds(60));
        String report = "== Notifier delivery benchmark: no rate limit ==\n"
                + RATE + " step events/s for " + SECONDS + " s appended to ferry.migrations (5 migrations), the default"
                + " webhook subscription, notifier.delivery.per-channel-interval=PT0S, receiver limit off\n"
                + result.report() + "\n";
        System.out.println(report);
        DeliveryLoad.write("notifier-delivery-unlimited.txt", report);
        assertThat(result.received()).isEqualTo(result.sent());
    }
}

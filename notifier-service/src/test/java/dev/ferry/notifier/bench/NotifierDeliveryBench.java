package dev.ferry.notifier.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.notifier.NotifierTestResources;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: 50 step events a second for 30 s (-Dbench.rate, -Dbench.seconds) with
 * no rate limit anywhere, first into one webhook channel, then spread over five, and the latency
 * from append to the receiver getting each message. Run with {@code bench/notifier-delivery.sh}.
 */
@QuarkusTest
@TestProfile(NotifierDeliveryBench.Unpaced.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = NotifierTestResources.DATABASE))
@WithTestResource(
        value = SimulatorResource.class,
        initArgs = {
            @ResourceArg(name = "module", value = NotifierTestResources.SLACK_MODULE),
            @ResourceArg(name = "property", value = NotifierTestResources.SLACK_URL_PROPERTY)
        })
@AsUser("admin")
class NotifierDeliveryBench {
    /** No pacing (as in the test profile); the default webhook stays quiet so only the measured channels post. */
    public static class Unpaced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "notifier.delivery.per-channel-interval", "PT0S",
                    "notifier.slack.event-kinds", "migration-failed");
        }
    }

    static final int RATE = Integer.getInteger("bench.rate", 50);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = NotifierTestResources.SLACK_URL_PROPERTY)
    String receiverUrl;

    @Test
    void withoutRateLimits() throws Exception {
        given().auth()
                .none()
                .baseUri(receiverUrl)
                .contentType("application/json")
                .body(Map.of("perChannelPerSecond", 0))
                .post("/_receiver/rate-limit");
        DeliveryLoad load = new DeliveryLoad(bootstrap, receiverUrl);
        List<String> single = List.of("single-m1", "single-m2", "single-m3", "single-m4", "single-m5");
        subscribe("one channel", "one", single);
        List<String> spread = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            spread.add("spread-m" + k);
            subscribe("channel " + k, "spread-" + k, List.of("spread-m" + k));
        }
        Thread.sleep(2500);
        load.run("warm-up", single, 20, 5, Duration.ofSeconds(30));
        DeliveryLoad.Result one =
                load.run("1 webhook channel, no pacing, no 429s", single, RATE, SECONDS, Duration.ofSeconds(90));
        String lanesAfterOne =
                given().get("/api/deliveries/lanes").then().extract().asString();
        DeliveryLoad.Result five =
                load.run("5 webhook channels, no pacing, no 429s", spread, RATE, SECONDS, Duration.ofSeconds(90));
        String report = "== Notifier delivery benchmark: no rate limit ==\n"
                + RATE + " step events/s for " + SECONDS + " s appended to ferry.migrations over 5 migrations;"
                + " notifier.delivery.per-channel-interval=PT0S, receiver limit off; first all five migrations"
                + " to one webhook subscription, then each migration to its own\n"
                + one.report() + "\n"
                + five.report() + "\n"
                + "lanes after the first run: " + lanesAfterOne + "\n"
                + "lanes at the end: "
                + given().get("/api/deliveries/lanes").then().extract().asString() + "\n"
                + "load average at the end: " + loadAverage() + "\n";
        System.out.println(report);
        DeliveryLoad.write("notifier-delivery-unlimited.txt", report);
        assertThat(one.received()).isPositive();
        assertThat(five.received()).isPositive();
    }

    private void subscribe(String name, String path, List<String> migrations) {
        String id = given().contentType("application/json")
                .body(Map.of(
                        "name",
                        name,
                        "webhookUrl",
                        receiverUrl + "/services/TBENCH/BFAST/" + path,
                        "channel",
                        "#" + path,
                        "migrationIds",
                        migrations))
                .post("/api/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> given().get("/api/subscriptions/" + id).then().statusCode(200));
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}

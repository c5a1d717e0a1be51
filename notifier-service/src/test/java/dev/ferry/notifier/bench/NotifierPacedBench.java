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
 * Benchmark, not a test: the same 50 step events a second, spread over five migrations, each
 * followed by its own webhook subscription (five channels), with the notifier pacing each channel
 * to one message a second and the receiver enforcing one a second (429 beyond). Prints the messages
 * per second sustained and how many 429s the pacing avoided or met.
 */
@QuarkusTest
@TestProfile(NotifierPacedBench.Paced.class)
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
class NotifierPacedBench {
    static final int CHANNELS = 5;

    /** Slack's pace on: one message a second per channel; the default webhook stays quiet. */
    public static class Paced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "notifier.delivery.per-channel-interval", "PT1S",
                    "notifier.slack.event-kinds", "migration-failed");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = NotifierTestResources.SLACK_URL_PROPERTY)
    String receiverUrl;

    @Test
    void withPerChannelLimits() throws Exception {
        List<String> migrations = new ArrayList<>();
        for (int k = 1; k <= CHANNELS; k++) {
            String migration = "paced-m" + k;
            migrations.add(migration);
            String id = given().contentType("application/json")
                    .body(Map.of(
                            "name", "bench channel " + k,
                            "webhookUrl", receiverUrl + "/services/TBENCH/B" + k + "/bench-channel-" + k,
                            "channel", "#bench-" + k,
                            "migrationIds", List.of(migration)))
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
        Thread.sleep(2500);
        given().auth()
                .none()
                .baseUri(receiverUrl)
                .contentType("application/json")
                .body(Map.of("perChannelPerSecond", 1))
                .post("/_receiver/rate-limit")
                .then()
                .statusCode(200);
        DeliveryLoad load = new DeliveryLoad(bootstrap, receiverUrl);
        DeliveryLoad.Result result = load.run(
                CHANNELS + " webhook channels, paced 1/s, receiver 1/s",
                migrations,
                NotifierDeliveryBench.RATE,
                NotifierDeliveryBench.SECONDS,
                Duration.ofSeconds(5));
        String report = "== Notifier delivery benchmark: per-channel limits on ==\n"
                + NotifierDeliveryBench.RATE + " step events/s for " + NotifierDeliveryBench.SECONDS
                + " s over " + CHANNELS + " migrations, each followed by its own webhook subscription;"
                + " notifier.delivery.per-channel-interval=PT1S, receiver 1 message/s per channel (429 + Retry-After"
                + " beyond); the rest stays queued (claimed, status queued) and is sent at that pace\n"
                + result.report() + "\n"
                + "lanes: "
                + given().get("/api/deliveries/lanes").then().extract().asString() + "\n"
                + "load average at the end: " + loadAverage() + "\n";
        System.out.println(report);
        DeliveryLoad.write("notifier-delivery-paced.txt", report);
        assertThat(result.receivedInWindow()).isPositive();
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

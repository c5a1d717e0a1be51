package dev.ferry.notifier.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.notification.NotificationDelivered;
import dev.ferry.notifier.NotifierTestResources;
import dev.ferry.notifier.SlackTestSupport;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slack's per-channel limit: with the receiver answering 429 and Retry-After (and the notifier's
 * own pacing off, as in the test profile), a burst is still delivered, each message once.
 */
@QuarkusTest
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
@AsUser("viewer")
class RateLimitTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = NotifierTestResources.SLACK_URL_PROPERTY)
    String receiverUrl;

    @AfterEach
    void off() {
        new SlackTestSupport(bootstrap, receiverUrl).disarm();
    }

    @Test
    void aBurstOverTheChannelLimitIsWaitedOutAndDeliveredOnceEach() {
        SlackTestSupport slack = new SlackTestSupport(bootstrap, receiverUrl);
        slack.disarm();
        given().auth()
                .none()
                .baseUri(receiverUrl)
                .contentType("application/json")
                .body(Map.of("perChannelPerSecond", 1))
                .post("/_receiver/rate-limit")
                .then()
                .statusCode(200);
        String metricsBefore = given().get("/q/metrics").asString();
        String migrationId = "mig-" + EventIds.random();
        List<CloudEvent> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(slack.append(new StepSucceeded(
                    migrationId, "app:burst-" + i, "ensure-app", "Created burst " + i, Map.of(), 5, Instant.now())));
        }
        int retried = 0;
        for (CloudEvent e : sent) {
            NotificationDelivered d =
                    (NotificationDelivered) slack.outcome(e.id(), "default").data();
            retried += d.attempts() > 1 ? 1 : 0;
        }
        assertThat(retried).as("deliveries that met a 429 and waited").isPositive();
        assertThat(given().auth()
                        .none()
                        .baseUri(receiverUrl)
                        .get("/_receiver/rate-limit")
                        .jsonPath()
                        .getInt("refused"))
                .isPositive();
        List<JsonNode> received =
                slack.received(m -> m.path("target").asText().equals(NotifierTestResources.WEBHOOK_PATH)
                        && m.path("payload").toString().contains(migrationId));
        assertThat(received).hasSize(4);
        for (int i = 0; i < 4; i++) {
            String step = "app:burst-" + i;
            assertThat(received.stream().filter(m -> m.toString().contains(step)))
                    .hasSize(1);
        }
        // In order: a 429 holds the channel, it does not let later messages overtake.
        for (int i = 0; i < 4; i++) {
            assertThat(received.get(i).toString()).contains("app:burst-" + i);
        }

        // On /q/metrics: four deliveries, and the Retry-After waits in their latency.
        String metricsAfter = given().get("/q/metrics").asString();
        String delivered = "ferry_notifier_deliveries_total{outcome=\"delivered\",target=\"webhook\"}";
        String latency = "ferry_notifier_delivery_duration_seconds_sum{outcome=\"delivered\",target=\"webhook\"}";
        assertThat(metric(metricsAfter, delivered) - metric(metricsBefore, delivered))
                .isGreaterThanOrEqualTo(4);
        assertThat(metric(metricsAfter, latency) - metric(metricsBefore, latency))
                .as("at least one delivery waited out a Retry-After of a second")
                .isGreaterThanOrEqualTo(0.5);
        assertThat(metricsAfter).doesNotContain(migrationId);
    }

    /** A series' value in a Prometheus or OpenMetrics scrape (an exemplar may follow it); 0 when absent. */
    private static double metric(String scrape, String series) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "^" + java.util.regex.Pattern.quote(series) + " ([0-9.E+-]+)( # .*)?$",
                        java.util.regex.Pattern.MULTILINE)
                .matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}

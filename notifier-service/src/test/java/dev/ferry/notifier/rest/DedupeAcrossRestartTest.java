package dev.ferry.notifier.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.notification.NotificationDelivered;
import dev.ferry.events.notification.NotificationFailed;
import dev.ferry.notifier.NotifierTestResources;
import dev.ferry.notifier.SlackTestSupport;
import dev.ferry.notifier.repository.Jdbc;
import dev.ferry.notifier.service.DeliveryRecovery;
import dev.ferry.notifier.service.NotificationService;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At most once across restarts and rebalances: a consumer that reads the topic again from the start
 * posts nothing twice; a restart resends claims that were never attempted and parks those it was
 * posting when it stopped.
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
class DedupeAcrossRestartTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = NotifierTestResources.SLACK_URL_PROPERTY)
    String receiverUrl;

    @Inject
    KafkaClientService kafka;

    @Inject
    Jdbc jdbc;

    @Inject
    DeliveryRecovery recovery;

    @Inject
    NotificationService notifications;

    private SlackTestSupport slack;

    @BeforeEach
    void setUp() {
        slack = new SlackTestSupport(bootstrap, receiverUrl);
        slack.disarm();
    }

    private static Predicate<JsonNode> onDefaultWebhook(String marker) {
        return m -> m.path("target").asText().equals(NotifierTestResources.WEBHOOK_PATH)
                && m.path("payload").toString().contains(marker);
    }

    private CloudEvent step(String migrationId, String stepId) {
        return slack.append(
                new StepSucceeded(migrationId, stepId, "ensure-app", "Created " + stepId, Map.of(), 10, Instant.now()));
    }

    @Test
    void aConsumerThatRereadsEverythingPostsNothingTwice() {
        String migrationId = "mig-" + EventIds.random();
        CloudEvent first = step(migrationId, "app:one");
        CloudEvent second = step(migrationId, "app:two");
        slack.outcome(first.id(), "default");
        slack.outcome(second.id(), "default");
        assertThat(slack.awaitReceived(onDefaultWebhook(migrationId), 2)).hasSize(2);

        long skippedBefore = notifications.alreadyClaimed();
        // As after a rebalance or a restart that lost its offsets: read ferry.migrations from the start.
        kafka.getConsumer("migrations-in")
                .runOnPollingThread(c -> {
                    c.seekToBeginning(c.assignment());
                    return null;
                })
                .await()
                .atMost(Duration.ofSeconds(10));

        // Same key, same partition: once the marker is announced, the replay has been handled.
        CloudEvent marker = step(migrationId, "app:marker");
        slack.outcome(marker.id(), "default");
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);

        // The replay really happened: both earlier events were consumed again and found claimed.
        assertThat(notifications.alreadyClaimed() - skippedBefore).isGreaterThanOrEqualTo(2);
        List<JsonNode> messages = slack.received(onDefaultWebhook(migrationId));
        assertThat(messages).hasSize(3);
        assertThat(messages.stream().filter(m -> m.toString().contains("app:one")))
                .hasSize(1);
        assertThat(messages.stream().filter(m -> m.toString().contains("app:two")))
                .hasSize(1);
        assertThat(slack.outcomes().stream()
                        .filter(e -> first.id().equals(SlackTestSupport.sourceOf(e))
                                && "default".equals(SlackTestSupport.subscriptionOf(e))))
                .hasSize(1);
    }

    @Test
    void aRestartSendsClaimsNeverAttemptedAndParksThoseItWasPosting() {
        String migrationId = "mig-" + EventIds.random();
        String queued = EventIds.random();
        String interrupted = EventIds.random();
        insertClaim(queued, migrationId, "queued", "Left queued by the last run " + migrationId);
        insertClaim(interrupted, migrationId, "sending", "Being posted when the last run stopped " + migrationId);

        assertThat(recovery.resume()).isEqualTo(1);

        CloudEvent sent = slack.outcome("src-" + queued, "default");
        assertThat(sent.data()).isInstanceOf(NotificationDelivered.class);
        CloudEvent parked = slack.outcome("src-" + interrupted, "default");
        assertThat(parked.data()).isInstanceOf(NotificationFailed.class);
        assertThat(((NotificationFailed) parked.data()).error()).contains("stopped while posting");

        // A second restart finds nothing left to do, so nothing is posted again.
        assertThat(recovery.resume()).isZero();
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        List<JsonNode> messages = slack.received(onDefaultWebhook(migrationId));
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).toString()).contains("Left queued by the last run");
        assertThat(jdbc.query(
                        "select status from delivery_claim where delivery_id in (?, ?) order by status",
                        rs -> rs.getString(1),
                        queued,
                        interrupted))
                .containsExactly("delivered", "unknown");
    }

    private void insertClaim(String deliveryId, String migrationId, String status, String text) {
        String message = "{\"text\":\"" + text + "\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\","
                + "\"text\":\"" + text + "\"}}]}";
        jdbc.update(
                "insert into delivery_claim (delivery_id, source_event_id, source_event_type, channel, subscription_id,"
                        + " lane, kind, migration_id, text, message, status) values (?, ?, ?, ?, 'default', ?,"
                        + " 'step-succeeded', ?, ?, ?, ?)",
                deliveryId,
                "src-" + deliveryId,
                "ferry.migration.step-succeeded.v1",
                NotifierTestResources.CHANNEL,
                laneOfDefault(),
                migrationId,
                text,
                message,
                status);
    }

    private String laneOfDefault() {
        return jdbc
                .query(
                        "select lane from delivery_claim where subscription_id = 'default' and lane is not null limit 1",
                        rs -> rs.getString(1))
                .stream()
                .findFirst()
                .orElse("webhook:default-lane");
    }
}

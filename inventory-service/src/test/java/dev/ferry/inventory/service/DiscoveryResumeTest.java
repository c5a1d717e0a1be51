package dev.ferry.inventory.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.Topics;
import dev.ferry.events.inventory.DiscoveryStarted;
import dev.ferry.inventory.InventoryTestResources;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A discovery whose instance died after appending its start (simulated by appending only the start,
 * with nobody holding its lease) is read again by the instance that takes the lease, recorded once,
 * left alone while someone renews its lease, and recorded as failed after too many interruptions.
 */
@QuarkusTest
@TestProfile(DiscoveryResumeTest.Resuming.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = InventoryTestResources.DATABASE))
@WithTestResource(
        value = SimulatorResource.class,
        initArgs = {
            @ResourceArg(name = "module", value = InventoryTestResources.HEROKU_MODULE),
            @ResourceArg(name = "property", value = InventoryTestResources.HEROKU_URL_PROPERTY)
        })
@WithTestResource(OidcTestResource.class)
@AsUser("viewer")
class DiscoveryResumeTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DataSource dataSource;

    /** Resumes every second; a lease unrenewed for five seconds is free; two resumes at most. */
    public static class Resuming implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ferry.inventory.discovery.resume-every", "1s",
                    "ferry.inventory.discovery.lease-term", "PT5S",
                    "ferry.inventory.discovery.max-resumes", "2");
        }
    }

    @Test
    void aDiscoveryNobodyRunsIsResumedAndRecordedOnce() {
        String id = startOrphan("alice");

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/api/discoveries/" + id)
                        .then()
                        .statusCode(200)
                        .body("discovery.status", equalTo("completed"))
                        .body("discovery.requestedBy", equalTo("alice"))
                        .body("apps[0].name", equalTo("acme-shop")));

        // Read twice or not, the snapshot has one event id, so consumers record it once.
        List<CloudEvent> events = eventsOf(id);
        assertThat(events.stream().map(CloudEvent::type).distinct())
                .containsExactly("ferry.inventory.discovery-started.v1", "ferry.inventory.estate-discovered.v1");
        assertThat(events.stream()
                        .filter(e -> e.type().equals("ferry.inventory.estate-discovered.v1"))
                        .map(CloudEvent::id)
                        .distinct())
                .containsExactly(EventIds.derive("estate-discovered", id));
    }

    @Test
    void aDiscoveryWhoseLeaseIsRenewedIsLeftAlone() throws Exception {
        String id = EventIds.random();
        hold(id, "another-instance", "now() + interval '1 hour'", 0);
        append(id, "bob");

        // Several resume ticks pass: the holder is alive, so nobody else reads it.
        Thread.sleep(5_000);
        given().get("/api/discoveries/" + id).then().statusCode(200).body("discovery.status", equalTo("running"));
        assertThat(eventsOf(id)).hasSize(1);

        // The holder stops renewing: the lease runs out and this instance finishes the discovery.
        hold(id, "another-instance", "now()", 0);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/api/discoveries/" + id)
                        .then()
                        .statusCode(200)
                        .body("discovery.status", equalTo("completed")));
    }

    @Test
    void aDiscoveryInterruptedTooOftenIsRecordedAsFailed() throws Exception {
        String id = EventIds.random();
        // Interrupted twice already (max-resumes=2): the next takeover is the third.
        hold(id, "crashed-instance", "now()", 2);
        append(id, "carol");

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/api/discoveries/" + id)
                        .then()
                        .statusCode(200)
                        .body("discovery.status", equalTo("failed")));
        String reason = given().get("/api/discoveries/" + id).then().extract().path("discovery.failureReason");
        assertThat(reason).startsWith("Interrupted").contains("stopped 3 times").contains("max-resumes=2");
        assertThat(eventsOf(id).stream().map(CloudEvent::type).distinct())
                .containsExactly("ferry.inventory.discovery-started.v1", "ferry.inventory.discovery-failed.v1");
    }

    private String startOrphan(String requester) {
        String id = EventIds.random();
        append(id, requester);
        return id;
    }

    /** A start appended by an instance that died at once: a minute old, no lease renewed. */
    private void append(String id, String requester) {
        new EventProbe(bootstrap)
                .append(
                        EventIds.random(),
                        "/ferry/inventory",
                        new DiscoveryStarted(
                                id,
                                "apps",
                                List.of("acme-shop"),
                                requester,
                                Instant.now().minusSeconds(60),
                                null));
    }

    private void hold(String id, String holder, String expiresAt, int takeovers) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("insert into lease (name, holder, expires_at,"
                        + " takeovers) values (?, ?, " + expiresAt + ", ?) on conflict (name) do update set holder ="
                        + " excluded.holder, expires_at = excluded.expires_at, takeovers = excluded.takeovers")) {
            upsert.setString(1, DiscoveryService.lease(id));
            upsert.setString(2, holder);
            upsert.setInt(3, takeovers);
            upsert.executeUpdate();
        }
    }

    private List<CloudEvent> eventsOf(String id) {
        return new EventProbe(bootstrap)
                .readAll(Topics.INVENTORY).stream()
                        .filter(e -> e.subject().equals(id))
                        .toList();
    }
}

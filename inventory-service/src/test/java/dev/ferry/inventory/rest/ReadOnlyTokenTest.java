package dev.ferry.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.Topics;
import dev.ferry.events.inventory.DiscoveryFailed;
import dev.ferry.inventory.Discoveries;
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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * With a token whose scope is {@code read}, Heroku lists apps but forbids config vars (403): the
 * discovery fails naming the app, the request and the status, and records no snapshot.
 */
@QuarkusTest
@AsUser("everyone")
@TestProfile(ReadOnlyTokenTest.ReadToken.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = InventoryTestResources.DATABASE))
@WithTestResource(
        value = SimulatorResource.class,
        initArgs = {
            @ResourceArg(name = "module", value = InventoryTestResources.HEROKU_MODULE),
            @ResourceArg(name = "property", value = InventoryTestResources.HEROKU_URL_PROPERTY)
        })
class ReadOnlyTokenTest {

    /** The demo estate's read-scoped token. */
    public static class ReadToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("inventory.heroku.token", "HRKU-00000000-0000-4000-8000-000000000002");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aTokenWithoutConfigVarAccessFailsTheDiscoveryNamingAppRequestAndStatus() {
        String id = Discoveries.start("{\"apps\": [\"acme-shop\"]}");
        assertThat(Discoveries.awaitEnd(id).getString("phase")).isEqualTo("failed");
        given().get("/api/discoveries/" + id)
                .then()
                .body("discovery.status", equalTo("failed"))
                .body("discovery.failureReason", containsString("lacks access"))
                .body("discovery.failure.app", equalTo("acme-shop"))
                .body("discovery.failure.endpoint", equalTo("GET /apps/acme-shop/config-vars"))
                .body("discovery.failure.status", equalTo(403))
                .body("apps.size()", equalTo(0));
        List<CloudEvent> events = new EventProbe(bootstrap)
                .readAll(Topics.INVENTORY).stream()
                        .filter(e -> e.subject().equals(id))
                        .toList();
        assertThat(events)
                .extracting(CloudEvent::type)
                .containsExactly("ferry.inventory.discovery-started.v1", "ferry.inventory.discovery-failed.v1");
        assertThat(((DiscoveryFailed) events.get(1).data()).status()).isEqualTo(403);
    }
}

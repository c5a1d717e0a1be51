package dev.ferry.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.ferry.common.security.Roles;
import dev.ferry.events.Topics;
import dev.ferry.inventory.Discoveries;
import dev.ferry.inventory.InventoryTestResources;
import dev.ferry.testkit.AsUser;
import dev.ferry.testkit.AuthorizationMatrix;
import dev.ferry.testkit.EventProbe;
import dev.ferry.testkit.KafkaTestResource;
import dev.ferry.testkit.OidcTestResource;
import dev.ferry.testkit.PostgresTestResource;
import dev.ferry.testkit.SimulatorResource;
import dev.ferry.testkit.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the inventory against every role, no token, an expired token and another
 * issuer's token; and refused callers change nothing. Shares the resource set of {@link
 * DiscoveryResourceTest}, so both run in one application.
 */
@QuarkusTest
@AsUser("everyone")
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
class InventoryAuthorizationTest {
    private static final String SHOP = "{\"apps\": [\"acme-shop\"]}";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void everyEndpointLetsInExactlyItsRoles() {
        String before = Discoveries.start(SHOP);
        Discoveries.awaitEnd(before);
        String after = Discoveries.start(SHOP);
        Discoveries.awaitEnd(after);
        String one = "/api/discoveries/" + after;

        AuthorizationMatrix matrix = new AuthorizationMatrix()
                .endpoint("POST", "/api/discoveries", SHOP, Roles.OPERATOR)
                .endpoint("GET", "/api/discoveries", null, Roles.VIEWER)
                .endpoint("GET", one, null, Roles.VIEWER)
                .endpoint("GET", one + "/progress", null, Roles.VIEWER)
                .endpoint("GET", one + "/events", null, Roles.VIEWER)
                .endpoint("GET", one + "/apps/acme-shop", null, Roles.VIEWER)
                .endpoint("GET", one + "/estate", null, Roles.VIEWER)
                .endpoint("GET", one + "/diff?against=" + before, null, Roles.VIEWER)
                .endpoint("GET", "/api/drift", null, Roles.VIEWER)
                .endpoint("POST", "/api/drift/scans", null, Roles.OPERATOR)
                .endpoint("POST", "/api/admin/projection/rebuild", null, Roles.ADMIN);

        List<String> violations = matrix.violations();
        System.out.printf("InventoryAuthorizationTest: %d calls to 11 endpoints%n", matrix.calls());
        assertThat(violations).isEmpty();
        assertThat(matrix.calls()).isEqualTo(11 * (3 + AuthorizationMatrix.USERS.size()));

        // The operators let in started discoveries and re-scans; each is requested by its token's user.
        awaitNoneRunning();
        List<String> requesters =
                JsonPath.from(given().get("/api/discoveries").asString()).getList("requestedBy");
        assertThat(requesters).contains("operator", "everyone", "ferry-drift").doesNotContain("viewer", "nobody");
    }

    @Test
    void theOpenApiDocumentIsOpenAndTheDiscoveryBodyNamesNoOne() {
        JsonPath openapi = JsonPath.from(given().auth()
                .none()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Map<String, Object> request = openapi.getMap("components.schemas.DiscoveryRequest.properties");
        assertThat(request).containsOnlyKeys("scope", "apps", "team");
        assertThat(openapi.prettify()).doesNotContain("X-Ferry-User");
        given().auth().none().get("/q/health").then().statusCode(200);
    }

    @Test
    void refusedCallersChangeNothing() {
        awaitNoneRunning();
        EventProbe probe = new EventProbe(bootstrap);
        int events = probe.records(Topics.INVENTORY).size();
        String discoveries = given().get("/api/discoveries").asString();
        for (String user : List.of("viewer", "approver", "admin", "nobody")) {
            given().auth()
                    .oauth2(Tokens.of(user))
                    .contentType("application/json")
                    .body("{\"scope\": \"account\", \"requestedBy\": \"operator\"}")
                    .post("/api/discoveries")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(Tokens.of(user))
                    .post("/api/drift/scans")
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .none()
                .contentType("application/json")
                .body(SHOP)
                .post("/api/discoveries")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.expired("operator"))
                .contentType("application/json")
                .body(SHOP)
                .post("/api/discoveries")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.of("operator"))
                .post("/api/admin/projection/rebuild")
                .then()
                .statusCode(403);
        // an operator whose token names Ferry's own drift actor cannot pass a discovery off as a re-scan
        given().auth()
                .oauth2(Tokens.of("ferry-drift"))
                .contentType("application/json")
                .body(SHOP)
                .post("/api/discoveries")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("reserves for its own work"));
        assertThat(probe.records(Topics.INVENTORY)).hasSize(events);
        assertThat(given().get("/api/discoveries").asString()).isEqualTo(discoveries);
    }

    /** Waits until no discovery started here still runs, so the next test class starts quiet. */
    private static void awaitNoneRunning() {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> !JsonPath.from(given().get("/api/discoveries").asString())
                        .getList("status")
                        .contains("running"));
    }
}

package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks teams, Private Spaces and their network, pipelines and dyno sizes. */
@QuarkusTest
class PlatformEndpointsTest {

    private static final String GLOBEX = "HRKU-00000000-0000-4000-8000-000000000003";

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void teamsAreThoseTheAccountIsIn() {
        Map<String, Object> team = as(Api.DEMO_GLOBAL)
                .get("/teams")
                .then()
                .statusCode(200)
                .body("name", contains("acme"))
                .extract()
                .jsonPath()
                .getMap("[0]");
        assertThat(team)
                .containsOnlyKeys(
                        "created_at",
                        "credit_card_collections",
                        "default",
                        "enterprise_account",
                        "id",
                        "identity_provider",
                        "membership_limit",
                        "name",
                        "provisioned_licenses",
                        "role",
                        "type",
                        "updated_at")
                .containsEntry("default", true);
        as(Api.DEMO_GLOBAL)
                .get("/teams/acme/apps")
                .then()
                .statusCode(200)
                .body("name", containsInAnyOrder("acme-api-staging", "acme-api", "acme-payments"));
        as(Api.DEMO_GLOBAL).get("/teams/globex/apps").then().statusCode(403).body("id", equalTo("forbidden"));
        as(Api.DEMO_GLOBAL).get("/teams/initech/apps").then().statusCode(404).body("id", equalTo("not_found"));
        as(GLOBEX).get("/apps").then().statusCode(200).body("name", contains("globex-web"));
    }

    @Test
    void spacesServeTheirNetworkWithoutVpnSecrets() {
        as(Api.DEMO_GLOBAL)
                .get("/spaces")
                .then()
                .statusCode(200)
                .body("[0].name", equalTo("acme-shield"))
                .body("[0].shield", equalTo(true))
                .body("[0].region.name", equalTo("virginia"))
                .body("[0].team.name", equalTo("acme"))
                .body("[0].state", equalTo("allocated"));
        as(Api.DEMO_GLOBAL)
                .get("/spaces/acme-shield/inbound-ruleset")
                .then()
                .statusCode(200)
                .body("rules.source", contains("203.0.113.0/24", "198.51.100.10/32"))
                .body("rules.action", contains("allow", "allow"));
        as(Api.DEMO_GLOBAL)
                .get("/spaces/acme-shield/nat")
                .then()
                .statusCode(200)
                .body("state", equalTo("enabled"))
                .body("sources", contains("52.1.2.3", "52.1.2.4"));
        as(Api.DEMO_GLOBAL)
                .get("/spaces/acme-shield/peerings")
                .then()
                .statusCode(200)
                .body("[0].pcx_id", equalTo("pcx-0a1b2c3d4e5f"))
                .body("[0].cidr_blocks", contains("172.16.0.0/16"));
        String vpns = as(Api.DEMO_GLOBAL)
                .get("/spaces/acme-shield/vpn-connections")
                .then()
                .statusCode(200)
                .body("[0].name", equalTo("office"))
                .body("[0].tunnels.ip", contains("52.5.6.7", "52.5.6.8"))
                .extract()
                .asString();
        assertThat(vpns).doesNotContain("FAKE-vpn-psk").doesNotContain("pre_shared_key");
        as(GLOBEX).get("/spaces/acme-shield/nat").then().statusCode(403);
    }

    @Test
    void pipelinesAndTheAccountWideCouplings() {
        String pipelineId = as(Api.DEMO_GLOBAL)
                .get("/pipelines")
                .then()
                .statusCode(200)
                .body("name", contains("acme-api"))
                .body("[0].owner.type", equalTo("team"))
                .extract()
                .path("[0].id");
        List<Map<String, Object>> couplings = as(Api.DEMO_GLOBAL)
                .get("/pipeline-couplings")
                .then()
                .statusCode(200)
                .body("stage", containsInAnyOrder("staging", "production"))
                .body("pipeline.id", contains(pipelineId, pipelineId))
                .extract()
                .jsonPath()
                .getList("");
        assertThat(couplings.get(0)).containsOnlyKeys("app", "created_at", "id", "pipeline", "stage", "updated_at");
        as(Api.DEMO_GLOBAL)
                .get("/pipelines/acme-api/pipeline-couplings")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2));
        as(GLOBEX).get("/pipeline-couplings").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void dynoSizesHaveMemoryAndCompute() {
        as(Api.DEMO_GLOBAL)
                .get("/dyno-sizes")
                .then()
                .statusCode(200)
                .body("name", hasItem("standard-2X"))
                .body("find { it.name == 'standard-2X' }.memory", equalTo(1.0f))
                .body("find { it.name == 'performance-M' }.dedicated", equalTo(true))
                .body("find { it.name == 'shield-M' }.private_space_only", equalTo(true));
    }
}

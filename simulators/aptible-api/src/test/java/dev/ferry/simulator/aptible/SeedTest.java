package dev.ferry.simulator.aptible;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example seed is served like resources created through the API: handles, links, ids, 422s and 404s. */
@QuarkusTest
@TestProfile(SeedTest.ExampleSeed.class)
class SeedTest {

    /** Starts the simulator from the bundled example seed, as {@code APTIBLE_SIM_SEED} would. */
    public static class ExampleSeed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "aptible-sim.seed", "seeds/acme-staging.json",
                    "aptible-sim.operations.queued-ms", "10",
                    "aptible-sim.operations.running-ms", "20");
        }
    }

    private String token;

    @BeforeEach
    void backToTheSeed() {
        given().post("/_simulator/reset").then().statusCode(200);
        token = Api.token();
    }

    private JsonPath get(String pathOrHref) {
        return Api.as(token).get(pathOrHref).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void environmentIsFoundByHandleOnItsSeededStackWithResolvingLinks() {
        JsonPath account = get("/find/account?handle=acme-staging");
        long id = account.getLong("id");

        assertThat(account.getString("handle")).isEqualTo("acme-staging");
        assertThat(account.getString("name")).isEqualTo("Acme Staging");
        assertThat(account.getString("type")).isEqualTo("production");
        assertThat(account.getInt("total_app_count")).isEqualTo(1);
        assertThat(account.getInt("total_database_count")).isEqualTo(2);
        assertThat(account.getInt("container_count")).isEqualTo(3);
        assertThat(account.getString("_links.self.href")).isEqualTo(Api.baseUrl() + "/accounts/" + id);
        assertThat(account.getList("_embedded.log_drains.handle")).containsExactly("staging-papertrail");

        JsonPath stack = get(account.getString("_links.stack.href"));
        assertThat(stack.getString("name")).isEqualTo("acme-dedicated-us-east-2");
        assertThat(stack.getString("region")).isEqualTo("us-east-2");
        assertThat(stack.getBoolean("public")).isFalse();
        assertThat(get("/stacks").getList("_embedded.stacks.name"))
                .containsExactly("acme-dedicated-us-east-2", "ferry-dedicated-us-east-1", "shared-us-west-1");
        assertThat(get(stack.getString("_links.accounts.href")).getList("_embedded.accounts.handle"))
                .containsExactly("acme-staging");
        assertThat(get(account.getString("_links.apps.href")).getList("_embedded.apps.handle"))
                .containsExactly("shop");
        assertThat(get(account.getString("_links.databases.href")).getList("_embedded.databases.handle"))
                .containsExactly("shop-cache", "shop-db");
        assertThat(get("/accounts").getList("_embedded.accounts.handle")).containsExactly("acme-staging");
    }

    @Test
    void appIsDeployedWithItsConfigurationServicesAndEndpoint() {
        JsonPath app = get("/find/app?handle=shop&environment=acme-staging");

        assertThat(app.getString("status")).isEqualTo("provisioned");
        assertThat(app.getString("deployment_method")).isEqualTo("docker_image");
        assertThat(app.getString("git_repo")).isEqualTo("git@beta.aptible.com:acme-staging/shop.git");
        assertThat(app.getString("_embedded.last_deploy_operation.status")).isEqualTo("succeeded");
        assertThat(app.getString("_embedded.last_deploy_operation.docker_ref"))
                .isEqualTo("ghcr.io/acme/shop:2024.06.1");
        assertThat(app.getString("_embedded.last_operation.user_email")).isEqualTo(Api.USER);
        assertThat(app.getList("_embedded.services.process_type")).containsExactly("web", "worker");
        assertThat(app.getList("_embedded.services.container_count")).containsExactly(2, 1);
        assertThat(app.getList("_embedded.services.container_memory_limit_mb")).containsExactly(1024, 2048);
        assertThat(app.getList("_embedded.services.instance_class")).containsExactly("m5", "r5");
        assertThat(app.getList("_embedded.services.docker_ref")).containsOnly("2024.06.1");

        JsonPath configuration = get(app.getString("_links.current_configuration.href"));
        assertThat(configuration.getMap("env"))
                .containsEntry("RAILS_ENV", "staging")
                .containsKey("SECRET_KEY_BASE");
        assertThat(configuration.getString("_links.resource.href")).isEqualTo(app.getString("_links.self.href"));

        JsonPath vhosts = get(app.getString("_links.self.href") + "/vhosts");
        assertThat(vhosts.getList("_embedded.vhosts")).hasSize(1);
        assertThat(vhosts.getString("_embedded.vhosts[0].status")).isEqualTo("provisioned");
        assertThat(vhosts.getString("_embedded.vhosts[0].external_host"))
                .startsWith("elb-acme-dedicated-us-east-2-")
                .endsWith(".aptible.in");
        assertThat(vhosts.getList("_embedded.vhosts[0].ip_whitelist")).containsExactly("203.0.113.0/24");
        assertThat(vhosts.getMap("_embedded.vhosts[0].settings")).containsEntry("FORCE_SSL", "true");
        JsonPath web = get(vhosts.getString("_embedded.vhosts[0]._links.service.href"));
        assertThat(web.getString("process_type")).isEqualTo("web");

        List<String> history = get(app.getString("_links.operations.href")).getList("_embedded.operations.type");
        assertThat(history).containsExactly("deploy");
    }

    @Test
    void databasesAndLogDrainAreProvisioned() {
        JsonPath db = get("/find/database?handle=shop-db&environment=acme-staging");

        assertThat(db.getString("type")).isEqualTo("postgresql");
        assertThat(db.getString("status")).isEqualTo("provisioned");
        assertThat(db.getBoolean("provisioned")).isTrue();
        assertThat(db.getInt("initial_disk_size")).isEqualTo(20);
        assertThat(db.getString("docker_repo")).isEqualTo("aptible/postgresql:15");
        assertThat(db.getString("connection_url")).startsWith("postgresql://").contains(".aptible.invalid:");
        assertThat(db.getString("_embedded.last_operation.type")).isEqualTo("provision");
        assertThat(get(db.getString("_links.database_image.href")).getString("version"))
                .isEqualTo("15");
        assertThat(get(db.getString("_links.database_credentials.href"))
                        .getString("_embedded.database_credentials[0].connection_url"))
                .isEqualTo(db.getString("connection_url"));

        JsonPath cache = get("/find/database?handle=shop-cache");
        assertThat(cache.getString("docker_repo")).isEqualTo("aptible/redis:7.0");
        assertThat(cache.getString("connection_url")).startsWith("redis://");

        long accountId = get("/find/account?handle=acme-staging").getLong("id");
        JsonPath drains = get("/accounts/" + accountId + "/log_drains");
        assertThat(drains.getString("_embedded.log_drains[0].handle")).isEqualTo("staging-papertrail");
        assertThat(drains.getString("_embedded.log_drains[0].status")).isEqualTo("provisioned");
    }

    @Test
    void seededHandlesAreTakenWhenCreatedAgain() {
        long accountId = get("/find/account?handle=acme-staging").getLong("id");

        Api.as(token)
                .body(Map.of("handle", "acme-staging"))
                .post("/accounts")
                .then()
                .statusCode(422)
                .body("error", equalTo("unprocessable_entity"))
                .body("message", equalTo("Handle has already been taken"));
        Api.as(token)
                .body(Map.of("handle", "shop"))
                .post("/accounts/" + accountId + "/apps")
                .then()
                .statusCode(422)
                .body("message", equalTo("Handle has already been taken"));
        Api.as(token)
                .body(Map.of("handle", "shop-db", "type", "postgresql"))
                .post("/accounts/" + accountId + "/databases")
                .then()
                .statusCode(422)
                .body("message", equalTo("Handle has already been taken"));
        Api.as(token)
                .body(Map.of("handle", "staging-papertrail", "drain_type", "datadog", "url", "https://logs.example"))
                .post("/accounts/" + accountId + "/log_drains")
                .then()
                .statusCode(422)
                .body("message", equalTo("Handle has already been taken"));
    }

    @Test
    void createdResourcesContinueTheSeedsIdSequence() {
        JsonPath state = given().get("/_simulator/state").then().extract().jsonPath();
        assertThat(state.getInt("operations.count")).isEqualTo(7);
        long highestSeeded = get("/accounts/"
                        + get("/find/account?handle=acme-staging").getLong("id") + "/operations")
                .getLong("_embedded.operations[0].id");

        long next = Api.createAccount(token, "acme-prod").getLong("id");

        assertThat(next).isEqualTo(highestSeeded + 1);
        assertThat(get("/accounts").getList("_embedded.accounts.handle")).containsExactly("acme-prod", "acme-staging");
    }

    @Test
    void deprovisionedSeededResourcesAnswer404UntilAResetRestoresTheSeed() {
        long appId = get("/find/app?handle=shop").getLong("id");
        long dbId = get("/find/database?handle=shop-db").getLong("id");

        Api.run(token, "/apps/" + appId, Map.of("type", "deprovision"));
        Api.run(token, "/databases/" + dbId, Map.of("type", "deprovision"));

        Api.as(token).get("/apps/" + appId).then().statusCode(404);
        Api.as(token).get("/find/app?handle=shop").then().statusCode(404);
        Api.as(token).get("/databases/" + dbId).then().statusCode(404);
        Api.as(token).get("/find/database?handle=shop-db").then().statusCode(404);
        long accountId = get("/find/account?handle=acme-staging").getLong("id");
        Api.createApp(token, accountId, "shop");

        given().post("/_simulator/reset").then().statusCode(200).body("apps.handles", equalTo(List.of("shop")));
        JsonPath restored = get("/find/app?handle=shop");
        assertThat(restored.getLong("id")).isGreaterThan(appId);
        assertThat(restored.getString("status")).isEqualTo("provisioned");
        Api.as(token).get("/apps/" + appId).then().statusCode(404);
    }
}

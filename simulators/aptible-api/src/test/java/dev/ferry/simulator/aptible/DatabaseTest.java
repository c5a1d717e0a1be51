package dev.ferry.simulator.aptible;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Databases: the image catalogue, create and provision, credentials, backups, replicas, deprovision. */
@QuarkusTest
class DatabaseTest {

    private String token;
    private long accountId;
    private String env;

    @BeforeEach
    void createAccount() {
        token = Api.token();
        env = Api.unique("db");
        accountId = Api.createAccount(token, env).getLong("id");
    }

    @AfterEach
    void noFaults() {
        Api.noFaults();
    }

    private JsonPath createDatabase(String handle, String type, Object image) {
        return Api.as(token)
                .body(Map.of(
                        "handle",
                        handle,
                        "type",
                        type,
                        "initial_disk_size",
                        20,
                        "initial_container_size",
                        2048,
                        "database_image",
                        image))
                .post("/accounts/" + accountId + "/databases")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private String imageHref(String type, String version) {
        JsonPath images = Api.as(token)
                .get("/database_images?per_page=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> all = images.getList("_embedded.database_images");
        return all.stream()
                .filter(i -> type.equals(i.get("type")) && version.equals(i.get("version")))
                .map(i -> (String) ((Map<?, ?>) ((Map<?, ?>) i.get("_links")).get("self")).get("href"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void catalogueListsPostgresAndRedisVersionsWithOneDefaultEach() {
        JsonPath images = Api.as(token)
                .get("/database_images")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(images.getList("_embedded.database_images.type")).contains("postgresql", "redis");
        assertThat(images.getList("_embedded.database_images.version")).contains("16", "14", "7.0");
        List<Map<String, Object>> all = images.getList("_embedded.database_images");
        assertThat(all.stream().filter(i -> "postgresql".equals(i.get("type")) && (Boolean) i.get("default")))
                .hasSize(1);
    }

    @Test
    void provisionMovesPendingThroughProvisioningToProvisionedWithAConnectionUrl() {
        JsonPath db = createDatabase("shop-db", "postgresql", imageHref("postgresql", "14"));
        long id = db.getLong("id");
        assertThat(db.getString("status")).isEqualTo("pending");
        assertThat(db.getBoolean("provisioned")).isFalse();
        assertThat(db.getString("connection_url")).isNull();
        assertThat(db.getString("_links.database_image.href")).endsWith("/database_images/1014");

        given().contentType("application/json")
                .body(Map.of("operation_latency_ms", Map.of("provision", 1500)))
                .post("/_simulator/faults");
        JsonPath op = Api.operate(token, "/databases/" + id, Map.of("type", "provision", "disk_size", 25));
        assertThat(op.getString("status")).isEqualTo("queued");
        Api.sleep(700);
        assertThat(Api.as(token)
                        .get("/databases/" + id)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("status"))
                .isEqualTo("provisioning");
        assertThat(Api.awaitFinished(token, op.getLong("id")).getString("status"))
                .isEqualTo("succeeded");

        JsonPath after = Api.as(token)
                .get("/databases/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(after.getString("status")).isEqualTo("provisioned");
        assertThat(after.getBoolean("provisioned")).isTrue();
        assertThat(after.getString("connection_url"))
                .startsWith("postgresql://aptible:")
                .contains(".invalid:5432/db");
        assertThat(after.getInt("_embedded.disk.size")).isEqualTo(25);
        assertThat(after.getString("_embedded.last_operation.type")).isEqualTo("provision");

        // Sensitive fields only without Prefer: no_sensitive_extras=true.
        JsonPath quiet = Api.as(token)
                .header("Prefer", "no_sensitive_extras=true")
                .get("/databases/" + id)
                .then()
                .extract()
                .jsonPath();
        assertThat(quiet.getString("connection_url")).isNull();

        JsonPath credentials = Api.as(token)
                .get(after.getString("_links.database_credentials.href"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(credentials.getList("_embedded.database_credentials.connection_url"))
                .containsExactly(after.getString("connection_url"));
        assertThat(credentials.getBoolean("_embedded.database_credentials[0].default"))
                .isTrue();
        assertThat(credentials.getList("_embedded.database_credentials.type")).containsExactly("postgresql");

        Api.as(token)
                .get("/find/database?handle=shop-db&environment=" + env)
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id));
        Api.as(token)
                .body(Map.of("type", "provision"))
                .post("/databases/" + id + "/operations")
                .then()
                .statusCode(422);
    }

    @Test
    void aRedisDatabaseListsItsDefaultCredentialAndATlsOneWithTheRedissScheme() {
        long id = createDatabase("jobs", "redis", imageHref("redis", "7.0")).getLong("id");
        assertThat(Api.run(token, "/databases/" + id, Map.of("type", "provision"))
                        .getString("status"))
                .isEqualTo("succeeded");
        JsonPath db = Api.as(token).get("/databases/" + id).then().extract().jsonPath();
        String url = db.getString("connection_url");
        assertThat(url).startsWith("redis://");

        JsonPath credentials = Api.as(token)
                .get(db.getString("_links.database_credentials.href"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(credentials.getList("_embedded.database_credentials.type")).containsExactly("redis", "redis+ssl");
        assertThat(credentials.getList("_embedded.database_credentials.default", Boolean.class))
                .containsExactly(true, false);
        assertThat(credentials.getList("_embedded.database_credentials.connection_url"))
                .containsExactly(url, "rediss://" + url.substring("redis://".length()));
        assertThat(db.getList("_embedded.database_credentials.type")).containsExactly("redis", "redis+ssl");

        long tlsId = credentials.getLong("_embedded.database_credentials[1].id");
        JsonPath tls = Api.as(token)
                .get("/database_credentials/" + tlsId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(tls.getString("type")).isEqualTo("redis+ssl");
        assertThat(tls.getString("connection_url")).startsWith("rediss://");
        assertThat(tls.getString("_links.database.href")).endsWith("/databases/" + id);
        assertThat(Api.as(token)
                        .header("Prefer", "no_sensitive_extras=true")
                        .get("/database_credentials/" + tlsId)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("connection_url"))
                .isNull();
    }

    @Test
    void createRefusesUnknownTypesMismatchedImagesAndTakenHandles() {
        Api.as(token)
                .body(Map.of("handle", "x", "type", "oracle"))
                .post("/accounts/" + accountId + "/databases")
                .then()
                .statusCode(422)
                .body("error", equalTo("unprocessable_entity"));
        Api.as(token)
                .body(Map.of("handle", "x", "type", "redis", "database_image_id", 1016))
                .post("/accounts/" + accountId + "/databases")
                .then()
                .statusCode(422);
        createDatabase("cache", "redis", imageHref("redis", "7.0"));
        Api.as(token)
                .body(Map.of("handle", "cache", "type", "redis"))
                .post("/accounts/" + accountId + "/databases")
                .then()
                .statusCode(422)
                .body("message", equalTo("Handle has already been taken"));
    }

    @Test
    void backupAndReplicateCreateResourcesAndDeprovisionAnswers404Afterwards() {
        long id = createDatabase("orders", "postgresql", imageHref("postgresql", "16"))
                .getLong("id");
        assertThat(Api.run(token, "/databases/" + id, Map.of("type", "provision"))
                        .getString("status"))
                .isEqualTo("succeeded");

        assertThat(Api.run(token, "/databases/" + id, Map.of("type", "backup")).getString("status"))
                .isEqualTo("succeeded");
        JsonPath backups = Api.as(token)
                .get("/databases/" + id + "/backups")
                .then()
                .extract()
                .jsonPath();
        assertThat(backups.getList("_embedded.backups.database_handle")).containsExactly("orders");
        assertThat(backups.getBoolean("_embedded.backups[0].manual")).isTrue();
        long backupId = backups.getLong("_embedded.backups[0].id");

        assertThat(Api.run(token, "/databases/" + id, Map.of("type", "replicate", "handle", "orders-replica"))
                        .getString("status"))
                .isEqualTo("succeeded");
        JsonPath dependents = Api.as(token)
                .get("/databases/" + id + "/dependents")
                .then()
                .extract()
                .jsonPath();
        assertThat(dependents.getList("_embedded.databases.handle")).containsExactly("orders-replica");
        assertThat(dependents.getString("_embedded.databases[0].status")).isEqualTo("provisioned");
        assertThat(dependents.getString("_embedded.databases[0]._embedded.last_operation.type"))
                .isEqualTo("provision");

        long deprovision = Api.operate(token, "/databases/" + id, Map.of("type", "deprovision"))
                .getLong("id");
        Api.sleep(100);
        for (int i = 0; i < 100 && Api.as(token).get("/databases/" + id).statusCode() == 200; i++) {
            Api.sleep(50);
        }
        Api.as(token).get("/databases/" + id).then().statusCode(404).body("error", equalTo("not_found"));
        Api.as(token).get("/operations/" + deprovision).then().statusCode(404);
        Api.as(token)
                .get("/find/database?handle=orders&environment=" + env)
                .then()
                .statusCode(404);
        // Backups outlive their database; the handle is free again.
        Api.as(token).get("/backups/" + backupId).then().statusCode(200);
        createDatabase("orders", "postgresql", imageHref("postgresql", "16"));
    }

    @Test
    void aFailedProvisionLeavesTheDatabaseProvisionFailedAndAnotherMaySucceed() {
        long id = createDatabase("flaky", "postgresql", imageHref("postgresql", "15"))
                .getLong("id");
        Api.faults(Map.of("fail_operation_types", List.of("provision")));
        assertThat(Api.run(token, "/databases/" + id, Map.of("type", "provision"))
                        .getString("status"))
                .isEqualTo("failed");
        assertThat(Api.as(token)
                        .get("/databases/" + id)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("status"))
                .isEqualTo("provision_failed");
        Api.noFaults();
        assertThat(Api.run(token, "/databases/" + id, Map.of("type", "provision"))
                        .getString("status"))
                .isEqualTo("succeeded");
    }
}

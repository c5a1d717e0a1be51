package dev.ferry.simulator.aptible;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks operations: their state machine, their effects and injected failures. */
@QuarkusTest
class OperationTest {

    private String token;
    private long accountId;
    private long appId;

    @BeforeEach
    void createApp() {
        token = Api.token();
        accountId = Api.createAccount(token, Api.unique("ops")).getLong("id");
        appId = Api.createApp(token, accountId, "web").getLong("id");
    }

    @AfterEach
    void switchFailuresOff() {
        given().contentType("application/json")
                .body(Map.of("fail_operation_types", List.of(), "operation_latency_ms", Map.of()))
                .post("/_simulator/faults")
                .then()
                .statusCode(200);
    }

    @Test
    void configureGoesThroughQueuedAndRunningToSucceededAndSetsConfiguration() {
        // Long enough in "running" that a loaded machine's poller sees it.
        given().contentType("application/json")
                .body(Map.of("operation_latency_ms", Map.of("configure", 4000)))
                .post("/_simulator/faults")
                .then()
                .statusCode(200);
        JsonPath created = Api.createOperation(
                token,
                appId,
                Map.of("type", "configure", "env", Map.of("DATABASE_URL", "postgres://db", "FOO", "bar")));
        long opId = created.getLong("id");
        String base = Api.baseUrl();
        assertThat(created.getString("status")).isEqualTo("queued");
        assertThat(created.getString("_type")).isEqualTo("operation");
        assertThat(created.getString("type")).isEqualTo("configure");
        assertThat(created.getString("user_email")).isEqualTo(Api.USER);
        assertThat(created.getString("_links.self.href")).isEqualTo(base + "/operations/" + opId);
        assertThat(created.getString("_links.resource.href")).isEqualTo(base + "/apps/" + appId);
        assertThat(created.getString("_links.account.href")).isEqualTo(base + "/accounts/" + accountId);

        List<String> seen = new ArrayList<>(List.of(created.getString("status")));
        String status = created.getString("status");
        while (!status.equals("succeeded") && !status.equals("failed")) {
            status = Api.as(token).get("/operations/" + opId).then().extract().path("status");
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            Api.sleep(20);
        }
        assertThat(seen).containsExactly("queued", "running", "succeeded");

        JsonPath app = Api.as(token).get("/apps/" + appId).then().extract().jsonPath();
        String configurationHref = app.getString("_links.current_configuration.href");
        assertThat(configurationHref).startsWith(base + "/configurations/");
        JsonPath configuration = Api.as(token)
                .get(configurationHref)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(configuration.getMap("env"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("DATABASE_URL", "postgres://db", "FOO", "bar"));
        assertThat(configuration.getString("_links.resource.href")).isEqualTo(base + "/apps/" + appId);
    }

    @Test
    void laterConfigureMergesAndEmptyValueRemovesAVariable() {
        Api.awaitFinished(
                token,
                Api.createOperation(token, appId, Map.of("type", "configure", "env", Map.of("A", "1", "B", "2")))
                        .getLong("id"));
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("A", "");
        env.put("C", "3");
        JsonPath done = Api.awaitFinished(
                token,
                Api.createOperation(token, appId, Map.of("type", "configure", "env", env))
                        .getLong("id"));
        assertThat(done.getString("status")).isEqualTo("succeeded");

        String href = Api.as(token).get("/apps/" + appId).then().extract().path("_links.current_configuration.href");
        assertThat(Api.as(token).get(href).then().extract().jsonPath().getMap("env"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("B", "2", "C", "3"));
        Api.as(token)
                .get("/apps/" + appId + "/configurations")
                .then()
                .statusCode(200)
                .body("total_count", equalTo(2));
    }

    @Test
    void deployWithDockerImageProvisionsAppAndCreatesServices() {
        JsonPath op = Api.createOperation(
                token,
                appId,
                Map.of(
                        "type",
                        "deploy",
                        "docker_image",
                        "registry.example/acme/web:1.4.2",
                        "procfile",
                        "web: bundle exec puma\nworker: bundle exec sidekiq",
                        "container_size",
                        2048));
        assertThat(op.getString("docker_ref")).isEqualTo("registry.example/acme/web:1.4.2");

        JsonPath done = Api.awaitFinished(token, op.getLong("id"));

        assertThat(done.getString("status")).isEqualTo("succeeded");
        JsonPath app = Api.as(token).get("/apps/" + appId).then().extract().jsonPath();
        assertThat(app.getString("status")).isEqualTo("provisioned");
        assertThat(app.getString("deployment_method")).isEqualTo("docker_image");
        assertThat(app.getList("_embedded.services.process_type")).containsExactly("web", "worker");
        assertThat(app.getList("_embedded.services.container_memory_limit_mb")).containsExactly(2048, 2048);
        assertThat(app.getList("_embedded.services.docker_ref")).containsOnly("1.4.2");
        assertThat(app.getInt("_embedded.last_deploy_operation.id")).isEqualTo(op.getInt("id"));

        JsonPath services = Api.as(token)
                .get(app.getString("_links.services.href"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(services.getInt("total_count")).isEqualTo(2);
        String serviceHref = services.getString("_embedded.services[0]._links.self.href");
        Api.as(token)
                .get(serviceHref)
                .then()
                .statusCode(200)
                .body("_links.app.href", equalTo(Api.baseUrl() + "/apps/" + appId));
    }

    @Test
    void gitDeployWithoutProcfileCreatesTheImplicitCmdService() {
        JsonPath done = Api.awaitFinished(
                token,
                Api.createOperation(
                                token,
                                appId,
                                Map.of("type", "deploy", "git_ref", "61719203d1c50ac519d259e3d561653f5265126f"))
                        .getLong("id"));
        assertThat(done.getString("status")).isEqualTo("succeeded");
        JsonPath app = Api.as(token).get("/apps/" + appId).then().extract().jsonPath();
        assertThat(app.getString("deployment_method")).isEqualTo("git");
        assertThat(app.getList("_embedded.services.process_type")).containsExactly("cmd");
        assertThat(app.getList("_embedded.services.container_count")).containsExactly(1);
    }

    @Test
    void scaleAndRestartAreAcceptedAndScaleChangesServices() {
        Api.awaitFinished(
                token,
                Api.createOperation(token, appId, Map.of("type", "deploy", "docker_image", "acme/web"))
                        .getLong("id"));
        JsonPath scaled = Api.awaitFinished(
                token,
                Api.createOperation(token, appId, Map.of("type", "scale", "container_count", 3))
                        .getLong("id"));
        JsonPath restarted = Api.awaitFinished(
                token,
                Api.createOperation(token, appId, Map.of("type", "restart")).getLong("id"));

        assertThat(scaled.getString("status")).isEqualTo("succeeded");
        assertThat(restarted.getString("status")).isEqualTo("succeeded");
        JsonPath app = Api.as(token).get("/apps/" + appId).then().extract().jsonPath();
        assertThat(app.getList("_embedded.services.container_count")).containsExactly(3);
        JsonPath ops = Api.as(token)
                .get("/apps/" + appId + "/operations")
                .then()
                .extract()
                .jsonPath();
        assertThat(ops.getList("_embedded.operations.type")).containsExactly("restart", "scale", "deploy");
    }

    @Test
    void invalidOperationsAreUnprocessable() {
        Api.as(token)
                .body(Map.of("type", "launch_rockets"))
                .post("/apps/" + appId + "/operations")
                .then()
                .statusCode(422)
                .body("error", equalTo("unprocessable_entity"))
                .body("message", equalTo("Type is not included in the list"));
        Api.as(token)
                .body(Map.of("env", Map.of("A", "1")))
                .post("/apps/" + appId + "/operations")
                .then()
                .statusCode(422)
                .body("message", equalTo("Type can't be blank"));
        Api.as(token)
                .body(Map.of("type", "configure", "env", "A=1"))
                .post("/apps/" + appId + "/operations")
                .then()
                .statusCode(422)
                .body("message", equalTo("env must be an object"));
        Api.as(token)
                .body(Map.of("type", "deploy"))
                .post("/apps/" + appId + "/operations")
                .then()
                .statusCode(422)
                .body("code", equalTo(422));
        Api.as(token)
                .body(Map.of("type", "scale", "container_count", 2))
                .post("/apps/" + appId + "/operations")
                .then()
                .statusCode(422)
                .body("message", equalTo("App has no services to scale"));
        Api.as(token)
                .body("{not json")
                .post("/apps/" + appId + "/operations")
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_request"));
    }

    @Test
    void failureInjectionMakesOperationsOfThatTypeFail() {
        given().contentType("application/json")
                .body(Map.of("fail_operation_types", List.of("deploy")))
                .post("/_simulator/faults")
                .then()
                .statusCode(200)
                .body("fail_operation_types", equalTo(List.of("deploy")));

        JsonPath deploy = Api.awaitFinished(
                token,
                Api.createOperation(token, appId, Map.of("type", "deploy", "docker_image", "acme/web:2"))
                        .getLong("id"));
        JsonPath configure = Api.awaitFinished(
                token,
                Api.createOperation(token, appId, Map.of("type", "configure", "env", Map.of("X", "1")))
                        .getLong("id"));

        assertThat(deploy.getString("status")).isEqualTo("failed");
        assertThat(configure.getString("status")).isEqualTo("succeeded");
        JsonPath app = Api.as(token).get("/apps/" + appId).then().extract().jsonPath();
        assertThat(app.getString("status")).isEqualTo("pending");
        assertThat(app.getList("_embedded.services")).isEmpty();
    }

    @Test
    void deprovisionMakesTheAppAndItsOperationsAnswer404() {
        long deployId = Api.createOperation(token, appId, Map.of("type", "deploy", "docker_image", "acme/web"))
                .getLong("id");
        Api.awaitFinished(token, deployId);
        String envHandle =
                Api.as(token).get("/accounts/" + accountId).then().extract().path("handle");
        long opId =
                Api.createOperation(token, appId, Map.of("type", "deprovision")).getLong("id");

        String status = "queued";
        for (int i = 0; i < 400 && !status.equals("gone"); i++) {
            int code = Api.as(token).get("/operations/" + opId).then().extract().statusCode();
            status = code == 404 ? "gone" : "pending";
            Api.sleep(25);
        }

        assertThat(status).isEqualTo("gone");
        Api.as(token).get("/apps/" + appId).then().statusCode(404).body("error", equalTo("not_found"));
        Api.as(token).get("/operations/" + deployId).then().statusCode(404);
        Api.as(token)
                .queryParam("handle", "web")
                .queryParam("environment", envHandle)
                .get("/find/app")
                .then()
                .statusCode(404);
        Api.as(token).get("/accounts/" + accountId + "/apps").then().body("total_count", equalTo(0));
        Api.createApp(token, accountId, "web");
    }

    @Test
    void serviceScaleOperationAsTheCliSendsIt() {
        Api.awaitFinished(
                token,
                Api.createOperation(token, appId, Map.of("type", "deploy", "docker_image", "acme/web"))
                        .getLong("id"));
        String serviceHref =
                Api.as(token).get("/apps/" + appId).then().extract().path("_embedded.services[0]._links.self.href");
        JsonPath op = Api.as(token)
                .body(Map.of("type", "scale", "container_count", 2, "container_size", 4096, "instance_profile", "r"))
                .post(serviceHref + "/operations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(op.getString("_links.resource.href")).isEqualTo(serviceHref);

        assertThat(Api.awaitFinished(token, op.getLong("id")).getString("status"))
                .isEqualTo("succeeded");
        JsonPath service = Api.as(token).get(serviceHref).then().extract().jsonPath();
        assertThat(service.getInt("container_count")).isEqualTo(2);
        assertThat(service.getInt("container_memory_limit_mb")).isEqualTo(4096);
        assertThat(service.getString("instance_class")).isEqualTo("r5");
    }
}

package dev.ferry.simulator.aptible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code PATCH}/{@code PUT /services/{id}}: force_zero_downtime and naive_health_check. */
@QuarkusTest
class ServiceSettingsTest {

    private String token;
    private long appId;

    @BeforeEach
    void deployWebAndWorker() {
        token = Api.token();
        long accountId = Api.createAccount(token, Api.unique("settings")).getLong("id");
        appId = Api.createApp(token, accountId, Api.unique("shop")).getLong("id");
        JsonPath op = Api.run(
                token,
                "/apps/" + appId,
                Map.of(
                        "type",
                        "deploy",
                        "docker_image",
                        "ghcr.io/acme/shop:1",
                        "procfile",
                        "web: bin/web\nworker: bin/jobs"));
        assertThat(op.getString("status")).isEqualTo("succeeded");
    }

    private String service(String processType) {
        JsonPath services = Api.as(token)
                .get("/apps/" + appId + "/services")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        int index = services.getList("_embedded.services.process_type").indexOf(processType);
        return "/services/" + services.getLong("_embedded.services[" + index + "].id");
    }

    @Test
    void servicesStartWithoutZeroDowntimeAndLinkTheirEndpoints() {
        String worker = service("worker");
        Api.as(token)
                .get(worker)
                .then()
                .statusCode(200)
                .body("force_zero_downtime", equalTo(false))
                .body("naive_health_check", equalTo(false))
                .body("_links.vhosts.href", equalTo(Api.baseUrl() + worker + "/vhosts"));
    }

    @Test
    void patchChangesOnlyTheGivenSettingsAndARedeployKeepsThem() {
        String worker = service("worker");
        String web = service("web");
        Api.as(token)
                .body(Map.of("force_zero_downtime", true))
                .patch(worker)
                .then()
                .statusCode(200)
                .contentType("application/hal+json")
                .body("_type", equalTo("service"))
                .body("force_zero_downtime", equalTo(true))
                .body("naive_health_check", equalTo(false));
        Api.as(token)
                .body(Map.of("naive_health_check", true))
                .put(worker)
                .then()
                .statusCode(200)
                .body("force_zero_downtime", equalTo(true))
                .body("naive_health_check", equalTo(true));
        Api.as(token).get(web).then().statusCode(200).body("force_zero_downtime", equalTo(false));

        Api.run(
                token,
                "/apps/" + appId,
                Map.of(
                        "type",
                        "deploy",
                        "docker_image",
                        "ghcr.io/acme/shop:2",
                        "procfile",
                        "web: bin/web\nworker: bin/jobs"));
        Api.as(token)
                .get(worker)
                .then()
                .statusCode(200)
                .body("docker_ref", equalTo("2"))
                .body("force_zero_downtime", equalTo(true));

        Api.as(token)
                .body(Map.of("force_zero_downtime", false))
                .patch(worker)
                .then()
                .statusCode(200)
                .body("force_zero_downtime", equalTo(false))
                .body("naive_health_check", equalTo(true));
    }

    @Test
    void aWrongTypeAnswers422AndChangesNothing() {
        String worker = service("worker");
        Api.as(token)
                .body(Map.of("force_zero_downtime", "yes"))
                .patch(worker)
                .then()
                .statusCode(422)
                .body("code", equalTo(422))
                .body("error", equalTo("unprocessable_entity"))
                .body("message", equalTo("force_zero_downtime must be true or false"));
        Api.as(token)
                .body(Map.of("force_zero_downtime", true, "naive_health_check", 1))
                .put(worker)
                .then()
                .statusCode(422);
        Api.as(token).get(worker).then().statusCode(200).body("force_zero_downtime", equalTo(false));
    }

    @Test
    void unknownAndDeprovisionedServicesAnswer404() {
        Api.as(token)
                .body(Map.of("force_zero_downtime", true))
                .patch("/services/999999999")
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"));
        String worker = service("worker");
        Api.run(token, "/apps/" + appId, Map.of("type", "deprovision"));
        Api.as(token)
                .body(Map.of("force_zero_downtime", true))
                .patch(worker)
                .then()
                .statusCode(404)
                .body("code", equalTo(404))
                .body("error", equalTo("not_found"));
    }
}

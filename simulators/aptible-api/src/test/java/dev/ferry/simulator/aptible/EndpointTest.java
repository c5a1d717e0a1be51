package dev.ferry.simulator.aptible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Endpoints (vhosts) of services, certificates, and log drains. */
@QuarkusTest
class EndpointTest {

    private String token;
    private long accountId;
    private long serviceId;
    private long appId;

    @BeforeEach
    void deployApp() {
        token = Api.token();
        accountId = Api.createAccount(token, Api.unique("vh")).getLong("id");
        JsonPath app = Api.deployedApp(token, accountId, "shop");
        appId = app.getLong("id");
        serviceId = app.getLong("_embedded.services[0].id");
    }

    @AfterEach
    void noFaults() {
        Api.noFaults();
    }

    private JsonPath createVhost(Map<String, Object> body, int status) {
        return Api.as(token)
                .body(body)
                .post("/services/" + serviceId + "/vhosts")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    @Test
    void managedTlsEndpointIsProvisionedRenewedAndDeprovisioned() {
        JsonPath vhost = createVhost(
                Map.of(
                        "type", "http",
                        "platform", "alb",
                        "acme", true,
                        "user_domain", "shop.example.com",
                        "ip_whitelist", List.of("10.0.0.0/8", "203.0.113.7")),
                201);
        long id = vhost.getLong("id");
        assertThat(vhost.getString("status")).isEqualTo("pending");
        assertThat(vhost.getString("acme_status")).isEqualTo("pending");
        assertThat(vhost.getString("external_host")).isNull();

        JsonPath op =
                Api.run(token, "/vhosts/" + id, Map.of("type", "provision", "settings", Map.of("FORCE_SSL", "true")));
        assertThat(op.getString("status")).isEqualTo("succeeded");
        JsonPath after = Api.as(token)
                .get("/vhosts/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(after.getString("status")).isEqualTo("provisioned");
        assertThat(after.getString("external_host")).startsWith("elb-").endsWith(".aptible.in");
        assertThat(after.getString("virtual_domain")).isEqualTo("shop.example.com");
        assertThat(after.getString("acme_dns_challenge_host")).isEqualTo("acme." + after.getString("external_host"));
        assertThat(after.getList("ip_whitelist")).containsExactly("10.0.0.0/8", "203.0.113.7");
        assertThat(after.getString("settings.FORCE_SSL")).isEqualTo("true");

        assertThat(Api.run(token, "/vhosts/" + id, Map.of("type", "renew")).getString("status"))
                .isEqualTo("succeeded");
        assertThat(Api.as(token)
                        .get("/vhosts/" + id)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("acme_status"))
                .isEqualTo("ready");
        assertThat(Api.as(token)
                        .get("/apps/" + appId + "/vhosts")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("_embedded.vhosts.id"))
                .containsExactly((int) id);
        assertThat(Api.as(token)
                        .get("/accounts/" + accountId + "/vhosts")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("_embedded.vhosts.id"))
                .containsExactly((int) id);

        Api.run(token, "/vhosts/" + id, Map.of("type", "deprovision"));
        Api.as(token).get("/vhosts/" + id).then().statusCode(404);
        Api.as(token).get("/vhosts/" + id + "/operations").then().statusCode(404);
    }

    @Test
    void endpointRulesAreEnforced() {
        createVhost(Map.of("type", "http", "acme", true), 422).getString("message");
        Api.as(token)
                .body(Map.of("type", "http", "ip_whitelist", List.of("10.0.0.300/8")))
                .post("/services/" + serviceId + "/vhosts")
                .then()
                .statusCode(422)
                .body("message", containsString("10.0.0.300/8"));
        createVhost(Map.of("type", "http", "default", true), 201);
        createVhost(Map.of("type", "http", "default", true), 422);
        createVhost(Map.of("type", "carrier-pigeon"), 422);
        JsonPath tcp = createVhost(Map.of("type", "tcp", "internal", true, "container_ports", List.of(5432)), 201);
        assertThat(tcp.getString("platform")).isEqualTo("elb");
        Api.run(token, "/vhosts/" + tcp.getLong("id"), Map.of("type", "provision"));
        assertThat(Api.as(token)
                        .get("/vhosts/" + tcp.getLong("id"))
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("external_host"))
                .startsWith("internal-");
        Api.as(token)
                .body(Map.of("type", "renew"))
                .post("/vhosts/" + tcp.getLong("id") + "/operations")
                .then()
                .statusCode(422);
    }

    @Test
    void certificatesAreParsedAndEndpointsMayUseThem() throws IOException {
        String body = resource("/tls/shop.example.com.crt");
        String key = resource("/tls/shop.example.com.key");
        JsonPath cert = Api.as(token)
                .body(Map.of("certificate_body", body, "private_key", key))
                .post("/accounts/" + accountId + "/certificates")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(cert.getString("common_name")).isEqualTo("shop.example.com");
        assertThat(cert.getString("sha256_fingerprint")).hasSize(64);
        assertThat(cert.getList("subject_alternative_names")).contains("www.shop.example.com");
        Api.as(token)
                .header("Prefer", "no_sensitive_extras=true")
                .get("/certificates/" + cert.getLong("id"))
                .then()
                .statusCode(200)
                .body("private_key", equalTo(null));
        JsonPath vhost = createVhost(
                Map.of(
                        "type",
                        "http",
                        "user_domain",
                        "shop.example.com",
                        "certificate",
                        cert.getString("_links.self.href")),
                201);
        assertThat(vhost.getString("_links.certificate.href")).isEqualTo(cert.getString("_links.self.href"));
        Api.as(token)
                .body(Map.of("certificate_body", "not a certificate", "private_key", key))
                .post("/accounts/" + accountId + "/certificates")
                .then()
                .statusCode(422);
    }

    @Test
    void logDrainsProvisionHideTheirUrlAndBlockEnvironmentDeletionUntilDeprovisioned() {
        JsonPath drain = Api.as(token)
                .body(Map.of(
                        "handle", "papertrail-shop",
                        "drain_type", "https_post",
                        "url", "https://logs.example.com/in?token=s3cret",
                        "drain_apps", true))
                .post("/accounts/" + accountId + "/log_drains")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        long id = drain.getLong("id");
        assertThat(drain.getString("status")).isEqualTo("pending");
        assertThat(Api.run(token, "/log_drains/" + id, Map.of("type", "provision"))
                        .getString("status"))
                .isEqualTo("succeeded");
        Api.as(token).get("/log_drains/" + id).then().body("status", equalTo("provisioned"));
        Api.as(token)
                .header("Prefer", "no_sensitive_extras=true")
                .get("/accounts/" + accountId + "/log_drains")
                .then()
                .body("_embedded.log_drains[0].url", equalTo(null));
        Api.as(token)
                .body(Map.of("handle", "bad", "drain_type", "https_post", "url", "http://insecure"))
                .post("/accounts/" + accountId + "/log_drains")
                .then()
                .statusCode(422);

        Api.run(token, "/apps/" + appId, Map.of("type", "deprovision"));
        Api.as(token)
                .delete("/accounts/" + accountId)
                .then()
                .statusCode(422)
                .body("message", containsString("1 log drain"));
        Api.run(token, "/log_drains/" + id, Map.of("type", "deprovision"));
        Api.as(token).get("/log_drains/" + id).then().statusCode(404);
        Api.as(token).delete("/accounts/" + accountId).then().statusCode(204);
        Api.as(token).get("/accounts/" + accountId).then().statusCode(404);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = EndpointTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}

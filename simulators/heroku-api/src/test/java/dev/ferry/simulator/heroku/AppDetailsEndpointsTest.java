package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the per-app endpoints discovery reads (domains, SNI endpoints, log drains, features,
 * webhooks, collaborators, buildpacks, releases) against the schema's field names and the demo estate.
 */
@QuarkusTest
class AppDetailsEndpointsTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void domainsHaveKindCnameAcmStatusAndTheirSniEndpoint() {
        List<Map<String, Object>> domains = as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop/domains")
                .then()
                .statusCode(200)
                .header("Accept-Ranges", "id, hostname")
                .body(
                        "hostname",
                        containsInAnyOrder("acme-shop.herokuapp.com", "www.acme-shop.example", "shop.acme.example"))
                .extract()
                .jsonPath()
                .getList("");
        assertThat(domains.get(0))
                .containsOnlyKeys(
                        "acm_status",
                        "acm_status_reason",
                        "app",
                        "cname",
                        "created_at",
                        "hostname",
                        "id",
                        "kind",
                        "sni_endpoint",
                        "status",
                        "updated_at");
        Map<String, Object> heroku = byField(domains, "hostname", "acme-shop.herokuapp.com");
        assertThat(heroku).containsEntry("kind", "heroku").containsEntry("cname", null);
        Map<String, Object> www = byField(domains, "hostname", "www.acme-shop.example");
        assertThat(www).containsEntry("kind", "custom").containsEntry("acm_status", "cert issued");
        assertThat((String) www.get("cname")).endsWith(".herokudns.com");
        assertThat(((Map<?, ?>) www.get("sni_endpoint")).get("name")).isEqualTo("acme-shop-acm");
    }

    @Test
    void sniEndpointsCarryTheCertificateExpiry() {
        as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop/sni-endpoints")
                .then()
                .statusCode(200)
                .body("[0].name", equalTo("acme-shop-acm"))
                .body("[0].domains", contains("www.acme-shop.example", "shop.acme.example"))
                .body("[0].ssl_cert.expires_at", equalTo("2025-07-30T00:00:00Z"))
                .body("[0].ssl_cert.cert_domains", hasItem("shop.acme.example"))
                .body("[0].ssl_cert.'ca_signed?'", equalTo(true))
                .body("[0].certificate_chain", notNullValue());
    }

    @Test
    void logDrainsNameTheAddOnThatCreatedThem() {
        as(Api.DEMO_GLOBAL)
                .get("/apps/acme-api/log-drains")
                .then()
                .statusCode(200)
                .body("[0].url", equalTo("syslog+tls://logs7.papertrailapp.com:41234"))
                .body("[0].addon.name", equalTo("papertrail-acme-api"))
                .body("[0].addon.app.name", equalTo("acme-api"))
                .body("[0].token", notNullValue());
        as(Api.DEMO_GLOBAL)
                .get("/apps/acme-payments/log-drains")
                .then()
                .statusCode(200)
                .body("[0].addon", nullValue());
    }

    @Test
    void featuresListEveryFeatureWithWhetherItIsEnabled() {
        List<Map<String, Object>> features = as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop/features")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertThat(byField(features, "name", "preboot")).containsEntry("enabled", true);
        assertThat(byField(features, "name", "http-session-affinity")).containsEntry("enabled", false);
        assertThat(features.get(0))
                .containsKeys("created_at", "description", "display_name", "doc_url", "enabled", "id", "name", "state");
    }

    @Test
    void webhooksCollaboratorsAndBuildpacks() {
        as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop/webhooks")
                .then()
                .statusCode(200)
                .body("[0].include", contains("api:release", "api:build"))
                .body("[0].level", equalTo("notify"))
                .body("[0].url", equalTo("https://hooks.acme.example/heroku/releases?signing=FAKE-webhook-token-77"));
        as(Api.DEMO_GLOBAL)
                .get("/apps/acme-api/collaborators")
                .then()
                .statusCode(200)
                .body("user.email", containsInAnyOrder("platform@acme.example", "dev@acme.example"))
                .body("role", containsInAnyOrder("admin", "member"));
        as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop/buildpack-installations")
                .then()
                .statusCode(200)
                .body("ordinal", contains(0, 1))
                .body("buildpack.name", contains("heroku/nodejs", "heroku/ruby"));
    }

    @Test
    void releasesRangeByVersionNewestFirstWithStatusCurrentAndReleasePhase() {
        Response response = as(Api.DEMO_GLOBAL)
                .header("Range", "version ..; max=2, order=desc")
                .get("/apps/acme-shop/releases");
        response.then()
                .statusCode(206)
                .body("version", contains(42, 41))
                .body("status", contains("succeeded", "failed"))
                .body("current", contains(true, false))
                .body("[0].output_stream_url", notNullValue())
                .body("[0].slug.id", notNullValue());
        assertThat(response.getHeader("Next-Range")).isEqualTo("version ]41..; max=2, order=desc");
        as(Api.DEMO_GLOBAL)
                .header("Range", response.getHeader("Next-Range"))
                .get("/apps/acme-shop/releases")
                .then()
                .statusCode(200)
                .body("version", contains(40));
        as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop/releases/41")
                .then()
                .statusCode(200)
                .body("description", equalTo("Deploy 9f1c2ab: release command failed"));
    }

    @Test
    void appsCarrySpaceAcmAndBuildpacksInTheSdkVariant() {
        as(Api.DEMO_GLOBAL)
                .get("/apps/acme-payments")
                .then()
                .statusCode(200)
                .body("space.name", equalTo("acme-shield"))
                .body("space.shield", equalTo(true))
                .body("team.name", equalTo("acme"))
                .body("buildpacks", nullValue());
        as(Api.DEMO_GLOBAL)
                .accept("application/vnd.heroku+json; version=3.sdk")
                .get("/apps")
                .then()
                .statusCode(200)
                .body("find { it.name == 'acme-shop' }.buildpacks.name", contains("heroku/nodejs", "heroku/ruby"));
    }

    @Test
    void everyNewListHasAnETagAndAnswers304WhenUnchanged() {
        for (String path : List.of(
                "/apps/acme-shop/domains",
                "/apps/acme-shop/sni-endpoints",
                "/apps/acme-api/log-drains",
                "/apps/acme-shop/features",
                "/apps/acme-shop/webhooks",
                "/apps/acme-shop/collaborators",
                "/apps/acme-shop/releases",
                "/teams",
                "/pipelines",
                "/pipeline-couplings",
                "/spaces",
                "/spaces/acme-shield/vpn-connections",
                "/dyno-sizes")) {
            String tag = as(Api.DEMO_GLOBAL)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            assertThat(tag).as(path).matches("\"[0-9a-f]{32}\"");
            as(Api.DEMO_GLOBAL).header("If-None-Match", tag).get(path).then().statusCode(304);
        }
        io.restassured.RestAssured.given()
                .accept(Api.V3)
                .header("Authorization", "Bearer nope")
                .get("/apps/acme-shop/domains")
                .then()
                .statusCode(401);
    }

    @Test
    void anotherAccountsAppIsForbidden() {
        as(Api.DEMO_GLOBAL)
                .get("/apps/globex-web/domains")
                .then()
                .statusCode(403)
                .body("id", equalTo("forbidden"));
        as(Api.DEMO_GLOBAL)
                .get("/apps/no-such-app/releases")
                .then()
                .statusCode(404)
                .body("id", equalTo("not_found"));
    }

    static Map<String, Object> byField(List<Map<String, Object>> items, String field, Object value) {
        return items.stream()
                .filter(i -> value.equals(i.get(field)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item with " + field + " = " + value));
    }
}

package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks the app list and single-app answers against the demo estate. */
@QuarkusTest
class AppResourceTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void listsTheAccountsApps() {
        Response response = as(Api.DEMO_GLOBAL).get("/apps");
        response.then()
                .statusCode(200)
                .contentType("application/json")
                .header("Accept-Ranges", "id, name")
                .body(
                        "name",
                        containsInAnyOrder("acme-shop", "acme-admin", "acme-api-staging", "acme-api", "acme-payments"));
        assertThat(response.getHeader("Next-Range")).isNull();
        assertThat(response.getHeader("Content-Range")).startsWith("id ").endsWith("; max=200");
    }

    @Test
    void showsAnAppByNameWithTheSchemaFields() {
        as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop")
                .then()
                .statusCode(200)
                .body("id", equalTo(Api.ACME_SHOP_ID))
                .body("name", equalTo("acme-shop"))
                .body("region.name", equalTo("us"))
                .body("stack.name", equalTo("heroku-24"))
                .body("build_stack.name", equalTo("heroku-24"))
                .body("generation.name", equalTo("cedar"))
                .body("owner.email", equalTo("platform@acme.example"))
                .body("owner.id", equalTo(Api.ACCOUNT_ID))
                .body("team", nullValue())
                .body("organization", nullValue())
                .body("space", nullValue())
                .body("created_at", equalTo("2019-03-14T09:30:00Z"))
                .body("updated_at", equalTo("2025-05-28T16:42:00Z"))
                .body("released_at", equalTo("2025-05-28T16:42:00Z"))
                .body("git_url", equalTo("https://git.heroku.com/acme-shop.git"))
                .body("web_url", equalTo("https://acme-shop.herokuapp.com/"))
                .body("buildpack_provided_description", equalTo("Ruby"))
                .body("maintenance", equalTo(false))
                .body("acm", equalTo(true))
                .body("slug_size", equalTo(98566144));
    }

    @Test
    void appHasExactlyTheSchemaKeys() {
        Map<String, Object> app = as(Api.DEMO_GLOBAL)
                .get("/apps/acme-admin")
                .then()
                .extract()
                .jsonPath()
                .getMap("");
        assertThat(app)
                .containsOnlyKeys(
                        "acm",
                        "archived_at",
                        "buildpack_provided_description",
                        "build_stack",
                        "created_at",
                        "generation",
                        "git_url",
                        "id",
                        "internal_routing",
                        "maintenance",
                        "name",
                        "owner",
                        "organization",
                        "team",
                        "region",
                        "released_at",
                        "repo_size",
                        "slug_size",
                        "space",
                        "stack",
                        "updated_at",
                        "web_url");
    }

    @Test
    void showsAnAppById() {
        as(Api.DEMO_GLOBAL)
                .get("/apps/" + Api.ACME_ADMIN_ID)
                .then()
                .statusCode(200)
                .body("name", equalTo("acme-admin"));
    }

    @Test
    void unknownAppIsNotFound() {
        as(Api.DEMO_GLOBAL)
                .get("/apps/no-such-app")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("id", equalTo("not_found"))
                .body("message", equalTo("Couldn't find that app."));
    }

    @Test
    void readOnlyTokenMayListApps() {
        as(Api.DEMO_READ).get("/apps").then().statusCode(200).body("size()", equalTo(5));
    }
}

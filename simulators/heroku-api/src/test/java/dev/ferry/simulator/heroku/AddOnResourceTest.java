package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks the add-on lists against the demo estate, including the shared Postgres add-on. */
@QuarkusTest
class AddOnResourceTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void listsEveryAddOnOfTheAccount() {
        JsonPath body = as(Api.DEMO_GLOBAL)
                .get("/addons")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("Accept-Ranges", "id, name")
                .extract()
                .jsonPath();
        List<Map<String, Object>> addOns = body.getList("");
        assertThat(addOns)
                .extracting(
                        a -> ((Map<?, ?>) a.get("addon_service")).get("name"),
                        a -> ((Map<?, ?>) a.get("plan")).get("name"),
                        a -> ((Map<?, ?>) a.get("app")).get("name"),
                        a -> a.get("config_vars"))
                .containsExactlyInAnyOrder(
                        tuple(
                                "heroku-postgresql",
                                "heroku-postgresql:standard-0",
                                "acme-shop",
                                List.of("DATABASE_URL")),
                        tuple("heroku-redis", "heroku-redis:premium-0", "acme-shop", List.of("REDIS_URL")),
                        tuple("sendgrid", "sendgrid:starter", "acme-shop", List.of("SENDGRID_API_KEY")),
                        tuple(
                                "heroku-postgresql",
                                "heroku-postgresql:essential-0",
                                "acme-api-staging",
                                List.of("DATABASE_URL")),
                        tuple("heroku-postgresql", "heroku-postgresql:standard-2", "acme-api", List.of("DATABASE_URL")),
                        tuple(
                                "heroku-postgresql",
                                "heroku-postgresql:standard-2",
                                "acme-api",
                                List.of("HEROKU_POSTGRESQL_CHARCOAL_URL")),
                        tuple("papertrail", "papertrail:choklad", "acme-api", List.of("PAPERTRAIL_API_TOKEN")),
                        tuple(
                                "heroku-postgresql",
                                "heroku-postgresql:shield-0",
                                "acme-payments",
                                List.of("DATABASE_URL")));
        assertThat(body.getList("state")).containsOnly("provisioned");
        assertThat(body.getList("billing_entity.type")).containsOnly("app", "team");
    }

    @Test
    void addOnHasExactlyTheSchemaKeys() {
        Map<String, Object> addOn =
                as(Api.DEMO_GLOBAL).get("/addons").then().extract().jsonPath().getMap("[0]");
        assertThat(addOn)
                .containsOnlyKeys(
                        "actions",
                        "addon_service",
                        "billing_entity",
                        "app",
                        "billed_price",
                        "config_vars",
                        "created_at",
                        "id",
                        "name",
                        "plan",
                        "provider_id",
                        "state",
                        "updated_at",
                        "web_url");
    }

    @Test
    void appAddOnsIncludeSharedAddOnsBilledElsewhere() {
        as(Api.DEMO_GLOBAL)
                .get("/apps/acme-admin/addons")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].name", equalTo("postgresql-acme-shop-primary"))
                .body("[0].addon_service.name", equalTo("heroku-postgresql"))
                .body("[0].app.name", equalTo("acme-shop"))
                .body("[0].billed_price.cents", equalTo(5000));
    }

    @Test
    void shopHasAllThreeAddOns() {
        as(Api.DEMO_GLOBAL).get("/apps/acme-shop/addons").then().statusCode(200).body("size()", equalTo(3));
    }

    @Test
    void addOnsOfUnknownAppAreNotFound() {
        as(Api.DEMO_GLOBAL).get("/apps/ghost/addons").then().statusCode(404).body("id", equalTo("not_found"));
    }
}

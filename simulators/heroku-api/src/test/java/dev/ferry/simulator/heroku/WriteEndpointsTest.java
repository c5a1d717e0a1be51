package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the writes the executor's source-side client needs: maintenance mode and formation scaling
 * change what later reads (and their ETags) show, need a write scope, and a reset undoes them.
 */
@QuarkusTest
class WriteEndpointsTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void maintenanceModeIsVisibleInLaterReads() {
        String before =
                as(Api.DEMO_GLOBAL).get("/apps/acme-shop").then().extract().header("ETag");
        as(Api.DEMO_GLOBAL)
                .contentType("application/json")
                .body("{\"maintenance\": true}")
                .patch("/apps/acme-shop")
                .then()
                .statusCode(200)
                .body("maintenance", equalTo(true));
        String after = as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop")
                .then()
                .body("maintenance", equalTo(true))
                .extract()
                .header("ETag");
        assertThat(after).isNotEqualTo(before);
        as(Api.DEMO_GLOBAL)
                .header("If-None-Match", before)
                .get("/apps/acme-shop")
                .then()
                .statusCode(200);
        Api.reset();
        as(Api.DEMO_GLOBAL).get("/apps/acme-shop").then().body("maintenance", equalTo(false));
    }

    @Test
    void scalingOneProcessTypeOrSeveralAtOnce() {
        as(Api.DEMO_GLOBAL)
                .contentType("application/json")
                .body("{\"quantity\": 0}")
                .patch("/apps/acme-shop/formation/web")
                .then()
                .statusCode(200)
                .body("type", equalTo("web"))
                .body("quantity", equalTo(0))
                .body("size", equalTo("standard-1x"));
        as(Api.DEMO_GLOBAL)
                .contentType("application/json")
                .body("{\"updates\": [{\"type\": \"web\", \"quantity\": 3, \"size\": \"standard-2X\"},"
                        + " {\"type\": \"worker\", \"quantity\": 0}]}")
                .patch("/apps/acme-shop/formation")
                .then()
                .statusCode(200)
                .body("type", contains("web", "worker"))
                .body("quantity", contains(3, 0));
        as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop/formation/web")
                .then()
                .body("quantity", equalTo(3))
                .body("size", equalTo("standard-2X"));
    }

    @Test
    void invalidScalingChangesNothing() {
        as(Api.DEMO_GLOBAL)
                .contentType("application/json")
                .body("{\"updates\": [{\"type\": \"web\", \"quantity\": 5}, {\"type\": \"clock\", \"quantity\": 1}]}")
                .patch("/apps/acme-shop/formation")
                .then()
                .statusCode(404);
        as(Api.DEMO_GLOBAL)
                .contentType("application/json")
                .body("{\"size\": \"huge-9X\"}")
                .patch("/apps/acme-shop/formation/web")
                .then()
                .statusCode(422)
                .body("id", equalTo("invalid_params"));
        as(Api.DEMO_GLOBAL).get("/apps/acme-shop/formation/web").then().body("quantity", equalTo(2));
    }

    @Test
    void aReadTokenMayNotWrite() {
        as(Api.DEMO_READ)
                .contentType("application/json")
                .body("{\"maintenance\": true}")
                .patch("/apps/acme-shop")
                .then()
                .statusCode(403)
                .body("id", equalTo("forbidden"));
        as(Api.DEMO_GLOBAL).get("/apps/acme-shop").then().body("maintenance", equalTo(false));
    }
}

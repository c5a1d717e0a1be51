package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks the {@code /_simulator} request counts and reset, and the readiness check. */
@QuarkusTest
class SimulatorAdminTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void countsRequestsByMethodPathAndStatus() {
        as(Api.DEMO_GLOBAL).get("/apps").then().statusCode(200);
        as(Api.DEMO_GLOBAL).get("/apps").then().statusCode(200);
        as(Api.DEMO_GLOBAL).get("/apps/ghost").then().statusCode(404);
        given().accept(Api.V3).get("/apps").then().statusCode(401);

        JsonPath counts = given().get("/_simulator/requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(counts.getLong("total")).isEqualTo(4);
        List<Map<String, Object>> requests = counts.getList("requests");
        assertThat(requests)
                .containsExactlyInAnyOrder(
                        Map.of("method", "GET", "path", "/apps", "status", 200, "count", 2),
                        Map.of("method", "GET", "path", "/apps", "status", 401, "count", 1),
                        Map.of("method", "GET", "path", "/apps/ghost", "status", 404, "count", 1));
    }

    @Test
    void adminAndHealthCallsAreNotCounted() {
        given().get("/_simulator/requests").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/_simulator/requests").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void adminSurfaceNeedsNoHerokuHeaders() {
        given().accept("application/json")
                .get("/_simulator/requests")
                .then()
                .statusCode(200)
                .body("requests.size()", equalTo(0));
    }

    @Test
    void resetClearsCountsAndRefillsTheBucket() {
        for (int i = 0; i < 5; i++) {
            as(Api.DEMO_GLOBAL).get("/account").then().statusCode(200);
        }
        int before = as(Api.DEMO_GLOBAL).get("/account/rate-limits").path("remaining");
        assertThat(before).isLessThanOrEqualTo(4496);

        given().post("/_simulator/reset")
                .then()
                .statusCode(200)
                .body("accounts", equalTo(2))
                .body("apps", equalTo(6))
                .body("addons", equalTo(8));

        given().get("/_simulator/requests").then().body("total", equalTo(0));
        as(Api.DEMO_GLOBAL).get("/account/rate-limits").then().body("remaining", equalTo(4500));
    }

    @Test
    void healthReportsTheLoadedEstate() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'heroku-estate' }.data.apps", equalTo(6));
    }
}

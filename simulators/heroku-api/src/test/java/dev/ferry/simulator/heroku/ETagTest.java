package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks {@code ETag} on GET answers and {@code If-None-Match} turning them into 304s. */
@QuarkusTest
class ETagTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void everyGetAnswerHasAStableTagThatDiffersBetweenResources() {
        String first = as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        String again = as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        String other = as(Api.DEMO_GLOBAL)
                .get("/apps/acme-admin")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        String list = as(Api.DEMO_GLOBAL)
                .get("/apps")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        String vars = as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop/config-vars")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(first).matches("\"[0-9a-f]{32}\"").isEqualTo(again);
        assertThat(List.of(other, list, vars)).doesNotContain(first).doesNotHaveDuplicates();
    }

    @Test
    void aMatchingIfNoneMatchAnswers304WithNoBody() {
        String tag = as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop/formation")
                .then()
                .extract()
                .header("ETag");
        as(Api.DEMO_GLOBAL)
                .header("If-None-Match", tag)
                .get("/apps/acme-shop/formation")
                .then()
                .statusCode(304)
                .header("ETag", equalTo(tag))
                .header("RateLimit-Remaining", matchesPattern("\\d+"))
                .body(emptyString());
        as(Api.DEMO_GLOBAL)
                .header("If-None-Match", "\"other\", W/" + tag)
                .get("/apps/acme-shop/formation")
                .then()
                .statusCode(304);
        as(Api.DEMO_GLOBAL)
                .header("If-None-Match", "\"stale\"")
                .get("/apps/acme-shop/formation")
                .then()
                .statusCode(200)
                .header("ETag", equalTo(tag))
                .body("type", org.hamcrest.Matchers.hasItems("web", "worker"));
    }

    @Test
    void a304IsCountedAndTakesATokenAsTheResearchAssumes() {
        String tag = as(Api.DEMO_GLOBAL).get("/account").then().extract().header("ETag");
        int before = as(Api.DEMO_GLOBAL).get("/account/rate-limits").path("remaining");
        as(Api.DEMO_GLOBAL).header("If-None-Match", tag).get("/account").then().statusCode(304);
        int after = as(Api.DEMO_GLOBAL).get("/account/rate-limits").path("remaining");
        assertThat(after).isEqualTo(before - 1);
        JsonPath counts = given().get("/_simulator/requests").jsonPath();
        List<Map<String, Object>> requests = counts.getList("requests");
        assertThat(requests).contains(Map.of("method", "GET", "path", "/account", "status", 304, "count", 1));
    }

    @Test
    void errorsAndTheRateLimitEndpointCarryNoConditionalSurprises() {
        as(Api.DEMO_GLOBAL)
                .header("If-None-Match", "*")
                .get("/apps/ghost")
                .then()
                .statusCode(404)
                .body("id", equalTo("not_found"));
    }
}

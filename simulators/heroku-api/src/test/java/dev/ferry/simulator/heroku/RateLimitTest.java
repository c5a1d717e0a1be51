package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exercises the per-account bucket with three tokens and no refill. */
@QuarkusTest
@TestProfile(TinyBucketProfile.class)
class RateLimitTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void eachRequestTakesOneTokenUntilTheBucketIsEmpty() {
        for (int expected = TinyBucketProfile.CAPACITY - 1; expected >= 0; expected--) {
            as(PagingEstateProfile.PAGER)
                    .get("/apps")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Remaining", Integer.toString(expected));
        }
        Response limited = as(PagingEstateProfile.PAGER).get("/apps");
        limited.then()
                .statusCode(429)
                .contentType("application/json")
                .header("RateLimit-Remaining", "0")
                .body("id", equalTo("rate_limit"))
                .body("message", startsWith("Your account reached the API rate limit"));
        Map<String, Object> body = limited.jsonPath().getMap("");
        assertThat(body).containsKeys("id", "message");
    }

    @Test
    void rateLimitsEndpointIsFree() {
        for (int i = 0; i < 10; i++) {
            as(PagingEstateProfile.PAGER)
                    .get("/account/rate-limits")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Remaining", "3")
                    .body("remaining", equalTo(TinyBucketProfile.CAPACITY));
        }
        as(PagingEstateProfile.PAGER).get("/account").then().statusCode(200);
        as(PagingEstateProfile.PAGER)
                .get("/account/rate-limits")
                .then()
                .body("remaining", equalTo(TinyBucketProfile.CAPACITY - 1));
    }

    @Test
    void rateLimitsStillAnswerWhenTheBucketIsEmpty() {
        drain(PagingEstateProfile.PAGER);
        as(PagingEstateProfile.PAGER)
                .get("/account/rate-limits")
                .then()
                .statusCode(200)
                .body("remaining", equalTo(0));
    }

    @Test
    void theBucketBelongsToTheAccountNotTheToken() {
        drain(PagingEstateProfile.PAGER);
        as(PagingEstateProfile.PAGER_READ_PROTECTED).get("/apps").then().statusCode(429);
        as(PagingEstateProfile.OUTSIDER)
                .get("/apps")
                .then()
                .statusCode(200)
                .header("RateLimit-Remaining", Integer.toString(TinyBucketProfile.CAPACITY - 1));
    }

    @Test
    void errorsStillCostATokenButRejectedRequestsDoNot() {
        as(PagingEstateProfile.PAGER).get("/apps/ghost").then().statusCode(404);
        as(PagingEstateProfile.PAGER)
                .get("/account/rate-limits")
                .then()
                .body("remaining", equalTo(TinyBucketProfile.CAPACITY - 1));
        drain(PagingEstateProfile.PAGER);
        as(PagingEstateProfile.PAGER).get("/apps").then().statusCode(429);
        as(PagingEstateProfile.PAGER).get("/apps").then().statusCode(429);
        as(PagingEstateProfile.PAGER).get("/account/rate-limits").then().body("remaining", equalTo(0));
    }

    @Test
    void resetRefillsTheBucket() {
        drain(PagingEstateProfile.PAGER);
        as(PagingEstateProfile.PAGER).get("/apps").then().statusCode(429);
        Api.reset();
        as(PagingEstateProfile.PAGER)
                .get("/apps")
                .then()
                .statusCode(200)
                .header("RateLimit-Remaining", Integer.toString(TinyBucketProfile.CAPACITY - 1));
    }

    private static void drain(String token) {
        int remaining = as(token).get("/account/rate-limits").path("remaining");
        for (int i = 0; i < remaining; i++) {
            as(token).get("/account").then().statusCode(200);
        }
    }
}

package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks faults switched on per path under {@code /_simulator/faults} and cleared by a reset. */
@QuarkusTest
class FaultInjectionTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    private static void fault(String json) {
        given().contentType("application/json")
                .body(json)
                .post("/_simulator/faults")
                .then()
                .statusCode(200);
    }

    @Test
    void anErrorFaultAnswersTheNextCountRequestsUnderItsPrefixThenStops() {
        fault("{\"path_prefix\": \"/apps/acme-shop/config-vars\", \"status\": 503, \"count\": 2}");
        int before = as(Api.DEMO_GLOBAL).get("/account/rate-limits").path("remaining");
        for (int i = 0; i < 2; i++) {
            as(Api.DEMO_GLOBAL)
                    .get("/apps/acme-shop/config-vars")
                    .then()
                    .statusCode(503)
                    .contentType("application/json")
                    .body("id", equalTo("service_unavailable"));
        }
        as(Api.DEMO_GLOBAL).get("/apps/acme-admin/config-vars").then().statusCode(200);
        as(Api.DEMO_GLOBAL).get("/apps/acme-shop/config-vars").then().statusCode(200);
        int after = as(Api.DEMO_GLOBAL).get("/account/rate-limits").path("remaining");
        assertThat(after).as("injected errors take no token").isEqualTo(before - 2);
        given().get("/_simulator/faults").then().body("[0].remaining", equalTo(0));
    }

    @Test
    void an429FaultLooksLikeHerokusRateLimit() {
        fault("{\"path_prefix\": \"/apps\", \"status\": 429, \"count\": 1}");
        as(Api.DEMO_GLOBAL)
                .get("/apps")
                .then()
                .statusCode(429)
                .header("RateLimit-Remaining", "0")
                .body("id", equalTo("rate_limit"))
                .body("message", startsWith("Your account reached the API rate limit"));
        as(Api.DEMO_GLOBAL).get("/apps").then().statusCode(200);
    }

    @Test
    void aLatencyFaultDelaysTheAnswer() {
        fault("{\"path_prefix\": \"/account\", \"latency_ms\": 400, \"count\": 1}");
        long start = System.nanoTime();
        as(Api.DEMO_GLOBAL).get("/account").then().statusCode(200);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(tookMs).isGreaterThanOrEqualTo(400);
    }

    @Test
    void aResetClearsEveryFaultAndDeleteToo() {
        fault("{\"path_prefix\": \"/apps\", \"status\": 500}");
        as(Api.DEMO_GLOBAL).get("/apps").then().statusCode(500).body("id", equalTo("internal_server_error"));
        as(Api.DEMO_GLOBAL).get("/apps").then().statusCode(500);
        given().get("/_simulator/faults").then().body("[0].remaining", equalTo(-1));
        Api.reset();
        given().get("/_simulator/faults").then().body("size()", equalTo(0));
        as(Api.DEMO_GLOBAL).get("/apps").then().statusCode(200);

        fault("{\"method\": \"GET\", \"path_prefix\": \"/account\", \"status\": 502}");
        given().delete("/_simulator/faults").then().statusCode(204);
        as(Api.DEMO_GLOBAL).get("/account").then().statusCode(200);
    }

    @Test
    void unauthenticatedRequestsAreRefusedBeforeAnyFault() {
        fault("{\"path_prefix\": \"/apps\", \"status\": 503}");
        given().accept(Api.V3).get("/apps").then().statusCode(401);
    }

    @Test
    void aTruncatingFaultCutsTheJsonBodyInHalf() {
        String whole = as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop/config-vars")
                .then()
                .extract()
                .asString();
        fault("{\"path_prefix\": \"/apps/acme-shop/config-vars\", \"truncate\": true, \"count\": 1}");
        String cut = as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop/config-vars")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(cut).hasSize(whole.length() / 2);
        org.assertj.core.api.Assertions.assertThat(whole).startsWith(cut);
        as(Api.DEMO_GLOBAL).get("/apps/acme-shop/config-vars").then().body(org.hamcrest.Matchers.equalTo(whole));
    }

    @Test
    void aPartialAs200FaultAnswersMorePagesWith200AndKeepsNextRange() {
        as(Api.DEMO_GLOBAL)
                .header("Range", "id ..; max=2")
                .get("/apps")
                .then()
                .statusCode(206)
                .header("Next-Range", startsWith("id ]"));
        fault("{\"path_prefix\": \"/apps\", \"partial_as_200\": true, \"count\": 2}");
        String next = as(Api.DEMO_GLOBAL)
                .header("Range", "id ..; max=2")
                .get("/apps")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .header("Next-Range", startsWith("id ]"))
                .extract()
                .header("Next-Range");
        // The last page has no Next-Range, so the fault leaves it as it is.
        as(Api.DEMO_GLOBAL)
                .header("Range", "id ..; max=1000")
                .get("/apps")
                .then()
                .statusCode(200)
                .header("Next-Range", org.hamcrest.Matchers.nullValue());
        given().get("/_simulator/faults")
                .then()
                .body("[0].partial_as_200", equalTo(true))
                .body("[0].remaining", equalTo(0));
        as(Api.DEMO_GLOBAL).header("Range", next).get("/apps").then().statusCode(206);
        given().contentType("application/json")
                .body("{\"path_prefix\": \"/apps\", \"status\": 503, \"partial_as_200\": true}")
                .post("/_simulator/faults")
                .then()
                .statusCode(400)
                .body("message", containsString("partial_as_200 applies to successful list answers"));
    }

    @Test
    void aMeaninglessFaultIsRefused() {
        given().contentType("application/json")
                .body("{\"path_prefix\": \"apps\", \"status\": 200}")
                .post("/_simulator/faults")
                .then()
                .statusCode(400)
                .body("message", containsString("path_prefix must start with /"))
                .body("message", containsString("error status"));
    }
}

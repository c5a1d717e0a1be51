package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Header, authentication and error rules that every endpoint must follow. */
@QuarkusTest
class ProtocolTest {

    private static final String[] ENDPOINTS = {
        "/account",
        "/account/rate-limits",
        "/apps",
        "/apps/acme-shop",
        "/apps/acme-shop/formation",
        "/apps/acme-shop/formation/web",
        "/apps/acme-shop/config-vars",
        "/apps/acme-shop/addons",
        "/addons",
        "/apps/acme-shop/addon-attachments",
        "/addon-attachments"
    };

    @TestHTTPResource("/apps")
    URI apps;

    static String[] endpoints() {
        return ENDPOINTS;
    }

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void everyEndpointAnswersWithRequestIdAndRemainingTokens(String path) {
        as(Api.DEMO_GLOBAL)
                .get(path)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("Request-Id", matchesPattern(Api.UUID_PATTERN))
                .header("RateLimit-Remaining", matchesPattern("^\\d+$"));
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void everyEndpointRequiresTheVersion3MediaType(String path) {
        Response response = given().accept("application/json")
                .header("Authorization", "Bearer " + Api.DEMO_GLOBAL)
                .get(path);
        response.then()
                .statusCode(406)
                .contentType("application/json")
                .header("Request-Id", matchesPattern(Api.UUID_PATTERN))
                .header("RateLimit-Remaining", notNullValue())
                .body("id", equalTo("not_acceptable"));
        assertErrorShape(response);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void everyEndpointRequiresAKnownBearerToken(String path) {
        Response response = given().accept(Api.V3).get(path);
        response.then()
                .statusCode(401)
                .contentType("application/json")
                .header("Request-Id", matchesPattern(Api.UUID_PATTERN))
                .header("RateLimit-Remaining", "0")
                .body("id", equalTo("unauthorized"))
                .body("message", equalTo("Invalid credentials provided."));
        assertErrorShape(response);
        as("HRKU-00000000-0000-4000-8000-00000000dead").get(path).then().statusCode(401);
    }

    @Test
    void aRequestWithoutAnAcceptHeaderIsNotAcceptable() throws Exception {
        // RestAssured always sends an Accept header; the JDK client sends none unless asked to.
        HttpRequest request = HttpRequest.newBuilder(apps)
                .header("Authorization", "Bearer " + Api.DEMO_GLOBAL)
                .GET()
                .build();
        assertThat(request.headers().firstValue("Accept")).isEmpty();
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches(Api.UUID_PATTERN));
        Map<String, Object> body = new ObjectMapper().readValue(response.body(), new TypeReference<>() {});
        assertThat(body).containsOnlyKeys("id", "message").containsEntry("id", "not_acceptable");
        assertThat(body.get("message")).asString().contains("version=3");
        // Refused before the rate limit: the request took no token of the freshly reset bucket.
        assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue("4500");
        as(Api.DEMO_GLOBAL).get("/account/rate-limits").then().body("remaining", equalTo(4500));
    }

    @Test
    void acceptsVersion3Variants() {
        given().accept("application/vnd.heroku+json; version=3.sdk")
                .header("Authorization", "Bearer " + Api.DEMO_GLOBAL)
                .get("/apps")
                .then()
                .statusCode(200);
        given().accept("text/html, application/vnd.heroku+json;version=3.webhooks")
                .header("Authorization", "Bearer " + Api.DEMO_GLOBAL)
                .get("/account")
                .then()
                .statusCode(200);
    }

    @Test
    void rejectsOtherVersions() {
        for (String accept : new String[] {
            "application/vnd.heroku+json; version=2",
            "application/vnd.heroku+json",
            "application/vnd.heroku+json; version=30",
            "*/*"
        }) {
            given().accept(accept)
                    .header("Authorization", "Bearer " + Api.DEMO_GLOBAL)
                    .get("/apps")
                    .then()
                    .statusCode(406)
                    .body("id", equalTo("not_acceptable"));
        }
    }

    @Test
    void rejectsNonBearerSchemes() {
        given().accept(Api.V3)
                .header("Authorization", "Token " + Api.DEMO_GLOBAL)
                .get("/account")
                .then()
                .statusCode(401)
                .body("id", equalTo("unauthorized"));
        given().accept(Api.V3)
                .header("Authorization", "bearer " + Api.DEMO_GLOBAL)
                .get("/account")
                .then()
                .statusCode(200);
    }

    @Test
    void requestIdsAreFreshUuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(as(Api.DEMO_GLOBAL).get("/apps").getHeader("Request-Id"));
        }
        assertThat(ids).hasSize(5).allMatch(id -> id.matches(Api.UUID_PATTERN));
    }

    @Test
    void eachChargedRequestLowersRemainingTokens() {
        int first = Integer.parseInt(as(Api.DEMO_GLOBAL).get("/apps").getHeader("RateLimit-Remaining"));
        int second = Integer.parseInt(as(Api.DEMO_GLOBAL).get("/apps").getHeader("RateLimit-Remaining"));
        // A full bucket of 4500 refilling at 75/min: one request costs one token, refill may
        // give back at most one in the short gap.
        assertThat(first).isLessThan(4500);
        assertThat(second).isLessThanOrEqualTo(first);
    }

    @Test
    void unknownEndpointIsAHerokuStyleNotFound() {
        Response response = as(Api.DEMO_GLOBAL).get("/no-such-endpoint");
        response.then()
                .statusCode(404)
                .contentType("application/json")
                .header("Request-Id", matchesPattern(Api.UUID_PATTERN))
                .body("id", equalTo("not_found"));
        assertErrorShape(response);
        as(Api.DEMO_GLOBAL).post("/apps").then().statusCode(404).body("id", equalTo("not_found"));
    }

    @Test
    void malformedRangeIsABadRequest() {
        Response response = as(Api.DEMO_GLOBAL).header("Range", "id; max=2").get("/apps");
        response.then().statusCode(400).body("id", equalTo("bad_request"));
        assertErrorShape(response);
        as(Api.DEMO_GLOBAL)
                .header("Range", "updated_at ..; max=2")
                .get("/apps")
                .then()
                .statusCode(400)
                .body("id", equalTo("bad_request"));
    }

    private static void assertErrorShape(Response response) {
        Map<String, Object> body = response.jsonPath().getMap("");
        assertThat(body).containsOnlyKeys("id", "message");
        assertThat(body.get("message")).asString().isNotBlank();
    }
}

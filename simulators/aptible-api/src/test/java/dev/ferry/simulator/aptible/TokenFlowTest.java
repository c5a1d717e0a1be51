package dev.ferry.simulator.aptible;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks the password grant, token refusals and expiry. */
@QuarkusTest
class TokenFlowTest {

    @Test
    void passwordGrantAsJsonReturnsBearerToken() {
        long before = System.currentTimeMillis() / 1000;
        JsonPath token = given().contentType("application/json")
                .body(Map.of(
                        "username",
                        Api.USER,
                        "password",
                        Api.PASSWORD,
                        "grant_type",
                        "password",
                        "scope",
                        "manage",
                        "expires_in",
                        3600))
                .post("/tokens")
                .then()
                .statusCode(201)
                .contentType("application/hal+json")
                .extract()
                .jsonPath();

        assertThat(token.getString("token_type")).isEqualTo("bearer");
        assertThat(token.getString("scope")).isEqualTo("manage");
        assertThat(token.getLong("expires_in")).isBetween(3599L, 3600L);
        assertThat(token.getLong("expires_at")).isBetween(before + 3599, before + 3602);
        assertThat(token.getString("_type")).isEqualTo("token");
        assertThat(token.getString("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(token.getString("_links.user.href")).startsWith(Api.baseUrl() + "/users/");
        String access = token.getString("access_token");
        assertThat(access.split("\\.")).hasSize(3);
        String claims = new String(Base64.getUrlDecoder().decode(access.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"email\":\"" + Api.USER + "\"");
    }

    @Test
    void passwordGrantAsFormUsesDefaultsAndTheTokenWorks() {
        JsonPath token = given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password")
                .formParam("username", Api.USER)
                .formParam("password", Api.PASSWORD)
                .post("/tokens")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();

        assertThat(token.getString("scope")).isEqualTo("manage");
        assertThat(token.getLong("expires_in")).isBetween(604_799L, 604_800L);
        Api.as(token.getString("access_token"))
                .get("/current_token")
                .then()
                .statusCode(200)
                .body("access_token", equalTo(token.getString("access_token")));
    }

    @Test
    void wrongPasswordIsRefusedWithInvalidCredentials() {
        given().contentType("application/json")
                .body(Map.of(
                        "username", Api.USER,
                        "password", "not-the-password",
                        "grant_type", "password"))
                .post("/tokens")
                .then()
                .statusCode(401)
                .contentType("application/hal+json")
                .body("code", equalTo(401))
                .body("error", equalTo("invalid_credentials"))
                .body("message", equalTo("Invalid email or password"));
    }

    @Test
    void unknownUserAndUnsupportedGrantAreRefused() {
        given().contentType("application/json")
                .body(Map.of("username", "nobody@acme.example", "password", Api.PASSWORD, "grant_type", "password"))
                .post("/tokens")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_credentials"));
        given().contentType("application/json")
                .body(Map.of("grant_type", "client_credentials"))
                .post("/tokens")
                .then()
                .statusCode(400)
                .body("code", equalTo(400))
                .body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void requestsWithoutOrWithUnknownTokenAreRefused() {
        given().get("/accounts")
                .then()
                .statusCode(401)
                .body("code", equalTo(401))
                .body("error", equalTo("invalid_token"));
        given().header("Authorization", "Bearer not-a-token")
                .get("/apps")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_token"))
                .body("message", equalTo("Invalid Token"));
        given().header("Authorization", "Basic Zm9vOmJhcg==")
                .get("/apps")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_token"));
    }

    @Test
    void expiredTokenIsRefused() {
        String access = given().contentType("application/json")
                .body(Map.of("username", Api.USER, "password", Api.PASSWORD, "grant_type", "password", "expires_in", 1))
                .post("/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("access_token");
        Api.as(access).get("/accounts").then().statusCode(200);

        Api.sleep(1_100);

        Api.as(access)
                .get("/accounts")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_token"))
                .body("message", equalTo("Token has expired"));
    }

    @Test
    void nonPositiveLifetimeIsABadRequest() {
        given().contentType("application/json")
                .body(Map.of("username", Api.USER, "password", Api.PASSWORD, "grant_type", "password", "expires_in", 0))
                .post("/tokens")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void revokedTokensAreRefusedUntilTheClientLogsInAgain() {
        String token = Api.token();
        Api.as(token).get("/accounts").then().statusCode(200);
        given().post("/_simulator/tokens/revoke").then().statusCode(200);
        Api.as(token)
                .get("/accounts")
                .then()
                .statusCode(401)
                .body("error", org.hamcrest.Matchers.equalTo("invalid_token"));
        Api.as(Api.token()).get("/accounts").then().statusCode(200);
    }
}

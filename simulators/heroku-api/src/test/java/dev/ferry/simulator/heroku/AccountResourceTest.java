package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks {@code /account} and {@code /account/rate-limits} against the demo estate. */
@QuarkusTest
class AccountResourceTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void accountDescribesTheTokensOwner() {
        as(Api.DEMO_GLOBAL)
                .get("/account")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("id", equalTo(Api.ACCOUNT_ID))
                .body("email", equalTo("platform@acme.example"))
                .body("name", equalTo("Acme Platform Team"))
                .body("created_at", equalTo("2019-03-14T09:00:00Z"))
                .body("updated_at", equalTo("2025-06-02T08:15:00Z"))
                .body("last_login", equalTo("2025-06-02T08:15:00Z"))
                .body("two_factor_authentication", equalTo(true))
                .body("verified", equalTo(true))
                .body("federated", equalTo(false))
                .body("default_team.name", equalTo("acme"))
                .body("identity_provider", nullValue());
    }

    @Test
    void accountCarriesEveryFieldOfTheSchema() {
        Map<String, Object> body =
                as(Api.DEMO_GLOBAL).get("/account").then().extract().jsonPath().getMap("");
        assertThat(body)
                .containsOnlyKeys(
                        "allow_tracking",
                        "beta",
                        "created_at",
                        "email",
                        "federated",
                        "id",
                        "identity_provider",
                        "last_login",
                        "name",
                        "sms_number",
                        "suspended_at",
                        "delinquent_at",
                        "two_factor_authentication",
                        "updated_at",
                        "verified",
                        "country_of_residence",
                        "default_organization",
                        "default_team");
    }

    @Test
    void readOnlyTokenMayReadTheAccount() {
        as(Api.DEMO_READ).get("/account").then().statusCode(200).body("email", equalTo("platform@acme.example"));
    }

    @Test
    void rateLimitsReportTheRemainingTokens() {
        int remaining = as(Api.DEMO_GLOBAL)
                .get("/account/rate-limits")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath()
                .getInt("remaining");
        assertThat(remaining).isBetween(4400, 4500);
    }
}

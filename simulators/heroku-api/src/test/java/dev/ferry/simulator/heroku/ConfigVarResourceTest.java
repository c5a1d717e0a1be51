package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks config vars are served whole to secret-reading tokens and refused to the rest. */
@QuarkusTest
class ConfigVarResourceTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void globalTokenReadsAllConfigVarsAsOneObject() {
        Map<String, String> vars = as(Api.DEMO_GLOBAL)
                .get("/apps/acme-shop/config-vars")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath()
                .getMap("");
        assertThat(vars)
                .containsOnly(
                        entry(
                                "DATABASE_URL",
                                "postgres://acme:FAKE-db-password-1234@ec2-0-0-0-0.compute-1.amazonaws.com:5432/d8acme"),
                        entry("SECRET_KEY_BASE", "FAKE-secret-key-base-7f3a9c"),
                        entry("RAILS_ENV", "production"),
                        entry("SENDGRID_API_KEY", "FAKE-sendgrid-key-0001"),
                        entry("REDIS_URL", "redis://:FAKE-redis-pass@ec2-0-0-0-1.compute-1.amazonaws.com:6379"));
    }

    @Test
    void sharedDatabaseUrlIsTheSameOnBothApps() {
        String shop = as(Api.DEMO_GLOBAL).get("/apps/acme-shop/config-vars").path("DATABASE_URL");
        String admin = as(Api.DEMO_GLOBAL).get("/apps/acme-admin/config-vars").path("DATABASE_URL");
        assertThat(admin).isEqualTo(shop).contains("FAKE");
    }

    @Test
    void readOnlyTokenIsForbiddenFromConfigVars() {
        as(Api.DEMO_READ)
                .get("/apps/acme-shop/config-vars")
                .then()
                .statusCode(403)
                .contentType("application/json")
                .body("id", equalTo("forbidden"))
                .body("message", containsString("scope"))
                .body(not(containsString("FAKE")));
    }

    @Test
    void configVarsOfUnknownAppAreNotFound() {
        as(Api.DEMO_GLOBAL)
                .get("/apps/ghost/config-vars")
                .then()
                .statusCode(404)
                .body("id", equalTo("not_found"))
                .body("message", equalTo("Couldn't find that app."));
    }
}

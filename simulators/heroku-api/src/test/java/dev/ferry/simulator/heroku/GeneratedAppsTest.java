package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Checks {@code heroku-sim.generated-apps} adds readable apps to the loaded estate. */
@QuarkusTest
@TestProfile(GeneratedAppsProfile.class)
class GeneratedAppsTest {

    @Test
    void generatedAppsAreServedBesideTheEstatesOwn() {
        given().post("/_simulator/reset")
                .then()
                .statusCode(200)
                .body("apps", equalTo(6 + GeneratedAppsProfile.GENERATED))
                // 25 generated apps: 15 with Postgres, 5 with Redis, 3 with Papertrail.
                .body("addons", equalTo(8 + 15 + 5 + 3));
        as(Api.DEMO_GLOBAL)
                .get("/apps")
                .then()
                .statusCode(200)
                .body("size()", equalTo(5 + GeneratedAppsProfile.GENERATED))
                .body("name", hasItems("acme-shop", "gen-app-00001", "gen-app-00025"));
        as(Api.DEMO_GLOBAL)
                .get("/apps/gen-app-00007/formation")
                .then()
                .statusCode(200)
                .body("type", hasItems("web", "worker"));
        as(Api.DEMO_GLOBAL)
                .get("/apps/gen-app-00007/config-vars")
                .then()
                .statusCode(200)
                .body("DATABASE_URL", startsWith("postgres://"))
                .body("RAILS_ENV", equalTo("production"));
        as(Api.DEMO_GLOBAL)
                .get("/apps/gen-app-00007/addons")
                .then()
                .statusCode(200)
                .body("name", hasItems("postgresql-gen-app-00007"));
    }
}

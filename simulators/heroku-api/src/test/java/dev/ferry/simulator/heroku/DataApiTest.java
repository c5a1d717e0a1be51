package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the Data API: Postgres and Redis facts, and a PG Backups capture that runs, then succeeds,
 * visible in later reads. Data API calls need the bearer token but not the Platform API's Accept or
 * rate limit.
 */
@QuarkusTest
class DataApiTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    private static io.restassured.specification.RequestSpecification data(String token) {
        return given().accept("application/json").header("Authorization", "Bearer " + token);
    }

    @Test
    void postgresInfoBySizeTablesVersionAndFollowers() {
        data(Api.DEMO_GLOBAL)
                .get("/client/v11/databases/postgresql-acme-api-primary")
                .then()
                .statusCode(200)
                .body("plan", equalTo("standard-2"))
                .body("num_bytes", equalTo(15569256448L))
                .body("num_tables", equalTo(212))
                .body("postgres_version", equalTo("15.8"))
                .body("info.find { it.name == 'Followers' }.values", contains("postgresql-acme-api-follower"))
                .body("info.find { it.name == 'Data Size' }.values[0]", equalTo("14.5 GB"));
        data(Api.DEMO_GLOBAL)
                .get("/client/v11/databases/sendgrid-acme-shop-mail")
                .then()
                .statusCode(404);
        data("HRKU-00000000-0000-4000-8000-000000000003")
                .get("/client/v11/databases/postgresql-acme-api-primary")
                .then()
                .statusCode(403);
        data("nope")
                .get("/client/v11/databases/postgresql-acme-api-primary")
                .then()
                .statusCode(401);
    }

    @Test
    void redisInfoAndConfig() {
        data(Api.DEMO_GLOBAL)
                .get("/redis/v0/databases/redis-acme-shop-queue")
                .then()
                .statusCode(200)
                .body("version", equalTo("7.2.4"))
                .body("prefer_native_tls", equalTo(true))
                .body("info.find { it.name == 'Maxmemory' }.values", contains("noeviction"));
        data(Api.DEMO_GLOBAL)
                .get("/redis/v0/databases/redis-acme-shop-queue/config")
                .then()
                .statusCode(200)
                .body("maxmemory_policy.value", equalTo("noeviction"));
    }

    @Test
    void dataApiCallsTakeNoPlatformToken() {
        int before =
                as(Api.DEMO_GLOBAL).get("/account/rate-limits").then().extract().path("remaining");
        data(Api.DEMO_GLOBAL)
                .get("/redis/v0/databases/redis-acme-shop-queue")
                .then()
                .statusCode(200);
        as(Api.DEMO_GLOBAL).get("/account/rate-limits").then().body("remaining", equalTo(before));
    }

    @Test
    void aBackupCaptureRunsThenSucceeds() {
        String uuid = data(Api.DEMO_GLOBAL)
                .post("/client/v11/databases/postgresql-acme-shop-primary/backups")
                .then()
                .statusCode(201)
                .body("num", equalTo(1))
                .body("from_type", equalTo("pg_dump"))
                .body("to_type", equalTo("gof3r"))
                .body("succeeded", equalTo(false))
                .body("finished_at", nullValue())
                .extract()
                .path("uuid");
        data(Api.DEMO_GLOBAL)
                .get("/client/v11/apps/acme-shop/transfers")
                .then()
                .statusCode(200)
                .body("uuid", hasItem(uuid));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> data(Api.DEMO_GLOBAL)
                        .get("/client/v11/apps/acme-shop/transfers/" + uuid)
                        .then()
                        .statusCode(200)
                        .body("succeeded", equalTo(true))
                        .body("finished_at", notNullValue()));
        data(Api.DEMO_READ)
                .post("/client/v11/databases/postgresql-acme-shop-primary/backups")
                .then()
                .statusCode(403);
    }
}

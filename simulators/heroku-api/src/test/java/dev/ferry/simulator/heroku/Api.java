package dev.ferry.simulator.heroku;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Shared request builders for the simulator's HTTP tests. */
final class Api {

    static final String V3 = "application/vnd.heroku+json; version=3";
    static final String DEMO_GLOBAL = "HRKU-00000000-0000-4000-8000-000000000001";
    static final String DEMO_READ = "HRKU-00000000-0000-4000-8000-000000000002";
    static final String ACME_SHOP_ID = "cf015d39-5dd7-482f-ab2b-db60d75085ea";
    static final String ACME_ADMIN_ID = "1fc7a08d-34b3-44ee-8761-e590b2e221d9";
    static final String ACCOUNT_ID = "6eb323ac-ffe9-4f8b-83b3-71e32883f023";
    static final String UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private Api() {}

    /** A request with the version 3 Accept header and the given bearer token. */
    static RequestSpecification as(String token) {
        return given().accept(V3).header("Authorization", "Bearer " + token);
    }

    /** Reloads the estate, refills buckets and clears request counts. */
    static void reset() {
        given().post("/_simulator/reset").then().statusCode(200);
    }
}

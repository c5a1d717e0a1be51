package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.ferry.simulator.heroku.domain.Ids;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each token sees its own account's apps, team apps it is a member of, and nothing else. */
@QuarkusTest
@TestProfile(PagingEstateProfile.class)
class VisibilityTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void ownerSeesPersonalAndTeamAppsButNotOthers() {
        as(PagingEstateProfile.PAGER)
                .get("/apps")
                .then()
                .statusCode(200)
                .body(
                        "name",
                        containsInAnyOrder(
                                "alpha-app",
                                "bravo-app",
                                "charlie-app",
                                "delta-app",
                                "echo-app",
                                "team-foxtrot",
                                "team-golf"));
    }

    @Test
    void teammateSeesOnlyTeamApps() {
        as(PagingEstateProfile.TEAMMATE)
                .get("/apps")
                .then()
                .statusCode(200)
                .body("name", containsInAnyOrder("team-foxtrot", "team-golf"));
        as(PagingEstateProfile.TEAMMATE).get("/addons").then().body("name", equalTo(List.of("team-db")));
    }

    @Test
    void someoneElsesAppIsForbiddenAndUnknownAppIsNotFound() {
        as(PagingEstateProfile.PAGER)
                .get("/apps/outsider-app")
                .then()
                .statusCode(403)
                .body("id", equalTo("forbidden"))
                .body("message", equalTo("You do not have access to the app outsider-app."));
        as(PagingEstateProfile.PAGER)
                .get("/apps/outsider-app/config-vars")
                .then()
                .statusCode(403);
        as(PagingEstateProfile.PAGER)
                .get("/apps/ghost-app")
                .then()
                .statusCode(404)
                .body("id", equalTo("not_found"));
        as(PagingEstateProfile.OUTSIDER)
                .get("/apps/0b0b0b0b-0000-4000-8000-00000000000b")
                .then()
                .statusCode(200)
                .body("owner.id", equalTo("0a0a0a0a-0000-4000-8000-00000000000a"));
    }

    @Test
    void teamAppsNameTheirTeam() {
        as(PagingEstateProfile.PAGER)
                .get("/apps/team-golf")
                .then()
                .statusCode(200)
                .body("team.name", equalTo("pager-team"))
                .body("organization.name", equalTo("pager-team"))
                .body("owner.email", equalTo("pager-team@herokumanager.com"));
        as(PagingEstateProfile.PAGER).get("/account").then().body("default_team.name", equalTo("pager-team"));
    }

    @Test
    void missingFieldsGetDefaultsAndDerivedIds() {
        String expectedId = Ids.derive("app", "alpha-app").toString();
        as(PagingEstateProfile.PAGER)
                .get("/apps/alpha-app")
                .then()
                .body("id", equalTo(expectedId))
                .body("region.name", equalTo("us"))
                .body("stack.name", equalTo("heroku-24"))
                .body("created_at", equalTo("2020-01-01T00:00:00Z"));
        as(PagingEstateProfile.PAGER)
                .get("/apps/bravo-app")
                .then()
                .body("region.name", equalTo("eu"))
                .body("stack.name", equalTo("heroku-22"));
    }

    @Test
    void sharedAddOnFromAnotherAccountShowsWhereItIsAttached() {
        as(PagingEstateProfile.PAGER)
                .get("/apps/echo-app/addons")
                .then()
                .statusCode(200)
                .body("name", equalTo(List.of("outsider-db")))
                .body("[0].app.name", equalTo("outsider-app"));
        as(PagingEstateProfile.PAGER)
                .get("/addon-attachments")
                .then()
                .body("app.name", hasItem("echo-app"))
                .body("app.name", not(hasItem("outsider-app")));
        as(PagingEstateProfile.PAGER)
                .header("Accept-Inclusion", "config_vars")
                .get("/apps/echo-app/addon-attachments")
                .then()
                .body("[0].name", equalTo("OUTSIDER_DATABASE"))
                .body("[0].config_vars", equalTo(List.of("OUTSIDER_DATABASE_URL")));
    }

    @Test
    void attachmentNamesDefaultFromTheirUrlVar() {
        List<String> names = as(PagingEstateProfile.PAGER)
                .get("/apps/bravo-app/addon-attachments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("name");
        assertThat(names).containsExactly("DATABASE");
    }

    @Test
    void identityScopeReadsTheAccountOnly() {
        as(PagingEstateProfile.PAGER_IDENTITY).get("/account").then().statusCode(200);
        as(PagingEstateProfile.PAGER_IDENTITY)
                .get("/apps")
                .then()
                .statusCode(403)
                .body("id", equalTo("forbidden"));
        as(PagingEstateProfile.PAGER_IDENTITY).get("/addons").then().statusCode(403);
    }

    @Test
    void readProtectedScopeReadsConfigVars() {
        as(PagingEstateProfile.PAGER_READ_PROTECTED)
                .get("/apps/charlie-app/config-vars")
                .then()
                .statusCode(200)
                .body("REDIS_URL", equalTo("redis://:FAKE-charlie@cache.example.test:6379"));
    }
}

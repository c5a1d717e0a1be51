package dev.ferry.simulator.heroku;

import static dev.ferry.simulator.heroku.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Follows {@code Next-Range} through lists of the multi-account test estate. */
@QuarkusTest
@TestProfile(PagingEstateProfile.class)
class PaginationTest {

    private static final List<String> PAGER_APPS =
            List.of("alpha-app", "bravo-app", "charlie-app", "delta-app", "echo-app", "team-foxtrot", "team-golf");

    @BeforeEach
    void reset() {
        Api.reset();
    }

    /** Every page fetched while following Next-Range from a first Range header. */
    private record Walk(List<Integer> statuses, List<Integer> sizes, List<String> keys) {}

    private static Walk walk(String path, String firstRange, String keyField) {
        List<Integer> statuses = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        String range = firstRange;
        while (range != null) {
            assertThat(statuses).as("pages fetched from " + path).hasSizeLessThan(20);
            Response page = as(PagingEstateProfile.PAGER).header("Range", range).get(path);
            statuses.add(page.statusCode());
            List<String> pageKeys = page.jsonPath().getList(keyField, String.class);
            sizes.add(pageKeys.size());
            keys.addAll(pageKeys);
            range = page.getHeader("Next-Range");
            if (page.statusCode() == 206) {
                assertThat(range).as("206 must carry Next-Range").isNotNull();
                assertThat(page.getHeader("Content-Range")).isNotNull();
            } else {
                assertThat(range).as("200 must not carry Next-Range").isNull();
            }
        }
        return new Walk(statuses, sizes, keys);
    }

    @Test
    void followsNextRangeByIdToTheEnd() {
        List<String> allIds = as(PagingEstateProfile.PAGER)
                .header("Range", "id ..; max=1000")
                .get("/apps")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", String.class);
        assertThat(allIds).hasSize(PAGER_APPS.size());

        Walk walk = walk("/apps", "id ..; max=2", "id");

        assertThat(walk.statuses()).containsExactly(206, 206, 206, 200);
        assertThat(walk.sizes()).containsExactly(2, 2, 2, 1);
        assertThat(walk.keys())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(allIds)
                .isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void nextRangeContinuesAfterTheLastItemExclusively() {
        Response first =
                as(PagingEstateProfile.PAGER).header("Range", "name ..; max=2").get("/apps");
        first.then()
                .statusCode(206)
                .header("Accept-Ranges", "id, name")
                .header("Content-Range", "name alpha-app..bravo-app; max=2")
                .header("Next-Range", "name ]bravo-app..; max=2");
        assertThat(first.jsonPath().getList("name")).containsExactly("alpha-app", "bravo-app");
    }

    @Test
    void walksNamesInDescendingOrder() {
        Response first = as(PagingEstateProfile.PAGER)
                .header("Range", "name ..; max=3, order=desc")
                .get("/apps");
        first.then().statusCode(206).header("Next-Range", "name ]echo-app..; max=3, order=desc");

        Walk walk = walk("/apps", "name ..; max=3, order=desc", "name");

        assertThat(walk.statuses()).containsExactly(206, 206, 200);
        assertThat(walk.keys())
                .containsExactlyElementsOf(
                        PAGER_APPS.stream().sorted(Comparator.reverseOrder()).toList());
    }

    @Test
    void honoursInclusiveStartAndEndBounds() {
        as(PagingEstateProfile.PAGER)
                .header("Range", "name charlie-app..; max=2")
                .get("/apps")
                .then()
                .statusCode(206)
                .body("name", equalTo(List.of("charlie-app", "delta-app")));
        as(PagingEstateProfile.PAGER)
                .header("Range", "name bravo-app..delta-app")
                .get("/apps")
                .then()
                .statusCode(200)
                .body("name", equalTo(List.of("bravo-app", "charlie-app", "delta-app")));
    }

    @Test
    void acceptsTheRangeSpellingsOfOfficialClients() {
        as(PagingEstateProfile.PAGER)
                .header("Range", "id ..; max=2;")
                .get("/apps")
                .then()
                .statusCode(206);
        as(PagingEstateProfile.PAGER)
                .header("Range", "name ..; order=desc,max=2;")
                .get("/apps")
                .then()
                .statusCode(206)
                .body("name", equalTo(List.of("team-golf", "team-foxtrot")));
    }

    @Test
    void defaultPageIs200AndMaxIsCappedAt1000() {
        as(PagingEstateProfile.PAGER)
                .get("/apps")
                .then()
                .statusCode(200)
                .header("Content-Range", endsWith("; max=200"))
                .body("size()", equalTo(PAGER_APPS.size()));
        as(PagingEstateProfile.PAGER)
                .header("Range", "id ..; max=5000")
                .get("/apps")
                .then()
                .statusCode(200)
                .header("Content-Range", endsWith("; max=1000"));
    }

    @Test
    void rejectsBadRanges() {
        for (String bad : new String[] {
            "id ..; max=0",
            "id ..; max=ten",
            "id ..; max=2; order=desc",
            "id ..; order=sideways",
            "colour ..; max=2",
            "id"
        }) {
            as(PagingEstateProfile.PAGER)
                    .header("Range", bad)
                    .get("/apps")
                    .then()
                    .statusCode(400)
                    .body("id", equalTo("bad_request"));
        }
    }

    @Test
    void pagesAddOnsByName() {
        Walk walk = walk("/addons", "name ..; max=2", "name");
        assertThat(walk.statuses()).containsExactly(206, 206, 200);
        assertThat(walk.keys()).containsExactly("alpha-db", "charlie-cache", "delta-mail", "outsider-db", "team-db");
    }

    @Test
    void pagesAccountWideAttachmentsById() {
        Walk walk = walk("/addon-attachments", "id ..; max=2", "id");
        assertThat(walk.statuses()).containsExactly(206, 206, 206, 200);
        assertThat(walk.keys()).hasSize(7).doesNotHaveDuplicates();
        as(PagingEstateProfile.PAGER)
                .header("Range", "name ..; max=2")
                .get("/addon-attachments")
                .then()
                .statusCode(400);
    }

    @Test
    void pagesAFormationByType() {
        as(PagingEstateProfile.PAGER)
                .header("Range", "type ..; max=1")
                .get("/apps/alpha-app/formation")
                .then()
                .statusCode(200)
                .body("type", equalTo(List.of("web")));
    }
}

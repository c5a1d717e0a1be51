package dev.ferry.simulator.heroku.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks parsing of the {@code Range} header grammar and the {@code Next-Range} it produces. */
class RangeRequestTest {

    private static final List<String> FIELDS = List.of("id", "name");

    @Test
    void noHeaderMeansIdAscendingWithTheDefaultPage() {
        assertThat(RangeRequest.parse(null, FIELDS)).isEqualTo(new RangeRequest("id", null, false, null, 200, false));
    }

    @Test
    void parsesBoundsMaxAndOrder() {
        assertThat(RangeRequest.parse("name ]acme-admin..zeta; max=10, order=desc", FIELDS))
                .isEqualTo(new RangeRequest("name", "acme-admin", true, "zeta", 10, true));
        assertThat(RangeRequest.parse("name a..; order=desc,max=3;", FIELDS))
                .isEqualTo(new RangeRequest("name", "a", false, null, 3, true));
    }

    @Test
    void clampsMaxTo1000() {
        assertThat(RangeRequest.parse("id ..; max=100000", FIELDS).max()).isEqualTo(1000);
    }

    @Test
    void nextRangeIsExclusiveAndKeepsOptions() {
        RangeRequest range = RangeRequest.parse("name ..z; max=2, order=desc", FIELDS);
        assertThat(range.next("m")).isEqualTo("name ]m..z; max=2, order=desc");
        assertThat(RangeRequest.parse("id ..; max=5", FIELDS).next("abc")).isEqualTo("id ]abc..; max=5");
    }

    @Test
    void rejectsMalformedHeaders() {
        for (String bad :
                List.of("id", "id ..; max=-1", "id ..; max=2; order=desc", "id ..; limit=2", "updated_at ..")) {
            assertThatThrownBy(() -> RangeRequest.parse(bad, FIELDS))
                    .as(bad)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.id()).isEqualTo("bad_request");
                    });
        }
    }
}

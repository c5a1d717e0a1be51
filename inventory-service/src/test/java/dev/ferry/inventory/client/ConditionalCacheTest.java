package dev.ferry.inventory.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bounded ETag cache drops the least recently used entry. */
class ConditionalCacheTest {

    @Test
    void keepsAtMostItsSizeDroppingTheLeastRecentlyUsed() {
        ConditionalCache cache = new ConditionalCache(2);
        cache.put("/a", new ConditionalCache.Entry("\"1\"", "{}", 200, null));
        cache.put("/b", new ConditionalCache.Entry("\"2\"", "{}", 200, null));
        assertThat(cache.get("/a")).isNotNull();
        cache.put("/c", new ConditionalCache.Entry("\"3\"", "[]", 206, "id ]x..; max=1"));
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("/b")).isNull();
        assertThat(cache.get("/a").etag()).isEqualTo("\"1\"");
        assertThat(cache.get("/c").nextRange()).isEqualTo("id ]x..; max=1");
    }

    @Test
    void retryableFailuresAreServerErrorsAndTransportTrouble() {
        assertThat(HerokuClient.retryable(new HerokuApiException(503, "service_unavailable", "x")))
                .isTrue();
        assertThat(HerokuClient.retryable(new HerokuApiException(500, null, "x")))
                .isTrue();
        assertThat(HerokuClient.retryable(new HerokuApiException(404, "not_found", "x")))
                .isFalse();
        assertThat(HerokuClient.retryable(new HerokuApiException(401, "unauthorized", "x")))
                .isFalse();
        assertThat(HerokuClient.retryable(new java.util.concurrent.TimeoutException()))
                .isTrue();
        assertThat(HerokuClient.retryable(new jakarta.ws.rs.ProcessingException("connection refused")))
                .isTrue();
    }
}

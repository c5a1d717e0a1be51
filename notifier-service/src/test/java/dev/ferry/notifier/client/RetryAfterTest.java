package dev.ferry.notifier.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse(null)).isNull();
        assertThat(RetryAfter.parse("soon")).isNull();
        assertThat(RetryAfter.parse("-1")).isNull();
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(RetryAfter.parse(inTenSeconds)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(11));
    }
}

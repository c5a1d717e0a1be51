package dev.ferry.notifier.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookUrlTest {
    private static final String URL = "https://hooks.slack.com/services/T0001/B0001/s3cr3tT0kenValue";

    @Test
    void neverShowsItself() {
        WebhookUrl webhook = WebhookUrl.of(URL);
        assertThat(webhook.toString()).doesNotContain("s3cr3t");
        assertThat(webhook.scrub("timeout while executing POST /services/T0001/B0001/s3cr3tT0kenValue"))
                .isEqualTo("timeout while executing POST [webhook]");
        assertThat(webhook.scrub("failed: " + URL)).isEqualTo("failed: [webhook]");
        assertThat(webhook.scrub("token s3cr3tT0kenValue")).isEqualTo("token [webhook]");
    }

    @Test
    void aMalformedValueIsRefusedWithoutBeingRepeated() {
        assertThatThrownBy(() -> WebhookUrl.of("hooks.slack.com/services/T/B/s3cr3t value"))
                .isInstanceOf(IllegalStateException.class)
                .message()
                .doesNotContain("s3cr3t");
        assertThatThrownBy(() -> WebhookUrl.of("ftp://hooks.slack.com/services/T/B/s3cr3t"))
                .message()
                .doesNotContain("s3cr3t");
    }
}

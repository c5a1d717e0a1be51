package dev.ferry.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slack's v0 request signature: the documented example, a wrong secret, a stale timestamp, missing headers. */
class SlackSignatureTest {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void matchesSlacksDocumentedExample() {
        // The example from Slack's "Verifying requests from Slack" page (a made-up secret).
        String secret = "8f742231b10e8888abcd99yyyzzz85a5";
        String timestamp = "1531420618";
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        assertThat(SlackSignature.sign(secret, timestamp, body))
                .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
        assertThat(SlackSignature.verify(
                        List.of("other-secret", secret),
                        timestamp,
                        "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
                        body,
                        Instant.ofEpochSecond(1531420618 + 60),
                        FIVE_MINUTES))
                .isEqualTo(SlackSignature.Verdict.OK);
    }

    @Test
    void aWrongSecretOrAChangedBodyDoesNotMatch() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String ts = String.valueOf(now.getEpochSecond());
        String signature = SlackSignature.sign("wrong-secret", ts, "payload=x");
        assertThat(SlackSignature.verify(List.of("right-secret"), ts, signature, "payload=x", now, FIVE_MINUTES))
                .isEqualTo(SlackSignature.Verdict.MISMATCH);
        String good = SlackSignature.sign("right-secret", ts, "payload=x");
        assertThat(SlackSignature.verify(List.of("right-secret"), ts, good, "payload=y", now, FIVE_MINUTES))
                .isEqualTo(SlackSignature.Verdict.MISMATCH);
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayIsStaleEvenWithAGoodSignature() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String old = String.valueOf(now.getEpochSecond() - 301);
        String future = String.valueOf(now.getEpochSecond() + 301);
        assertThat(SlackSignature.verify(List.of("s"), old, SlackSignature.sign("s", old, "b"), "b", now, FIVE_MINUTES))
                .isEqualTo(SlackSignature.Verdict.STALE);
        assertThat(SlackSignature.verify(
                        List.of("s"), future, SlackSignature.sign("s", future, "b"), "b", now, FIVE_MINUTES))
                .isEqualTo(SlackSignature.Verdict.STALE);
        String edge = String.valueOf(now.getEpochSecond() - 300);
        assertThat(SlackSignature.verify(
                        List.of("s"), edge, SlackSignature.sign("s", edge, "b"), "b", now, FIVE_MINUTES))
                .isEqualTo(SlackSignature.Verdict.OK);
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        Instant now = Instant.now();
        assertThat(SlackSignature.verify(List.of("s"), null, "v0=ab", "b", now, FIVE_MINUTES))
                .isEqualTo(SlackSignature.Verdict.MISSING);
        assertThat(SlackSignature.verify(List.of("s"), "soon", "v0=ab", "b", now, FIVE_MINUTES))
                .isEqualTo(SlackSignature.Verdict.MISSING);
        assertThat(SlackSignature.verify(List.of("s"), "1", "", "b", now, FIVE_MINUTES))
                .isEqualTo(SlackSignature.Verdict.MISSING);
    }
}

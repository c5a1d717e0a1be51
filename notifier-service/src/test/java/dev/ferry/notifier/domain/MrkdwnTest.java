package dev.ferry.notifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MrkdwnTest {

    @Test
    void eventTextCannotBecomeMarkupOrMentions() {
        assertThat(Mrkdwn.escape("<!channel> & <@U1>")).isEqualTo("&lt;!channel&gt; &amp; &lt;@U1&gt;");
        assertThat(Mrkdwn.code("a`b")).isEqualTo("`a'b`");
        assertThat(Mrkdwn.truncate("abcdef", 4)).isEqualTo("abc…");
    }

    @Test
    void durationsReadLikePeopleSpeak() {
        assertThat(Durations.human(850)).isEqualTo("850 ms");
        assertThat(Durations.human(4210)).isEqualTo("4.2 s");
        assertThat(Durations.human(185_000)).isEqualTo("3 min 5 s");
        assertThat(Durations.human(3_720_000)).isEqualTo("1 h 2 min");
    }
}

package dev.ferry.inventory.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Taking database URLs apart without ever repeating their credentials. */
class SourceUrlTest {

    @Test
    void readsAHerokuPostgresUrl() {
        SourceUrl url = SourceUrl.parse("postgres://u8a:p%40ss-FAKE-1@ec2-1-2-3-4.example:5433/d9x?sslmode=require");
        assertThat(url.scheme()).isEqualTo("postgres");
        assertThat(url.host()).isEqualTo("ec2-1-2-3-4.example");
        assertThat(url.port(5432)).isEqualTo(5433);
        assertThat(url.path()).isEqualTo("d9x");
        assertThat(url.user()).isEqualTo("u8a");
        assertThat(url.password()).isEqualTo("p@ss-FAKE-1");
        assertThat(url.query()).containsEntry("sslmode", "require");
        assertThat(url.toString())
                .isEqualTo("postgres://ec2-1-2-3-4.example:5433/d9x")
                .doesNotContain("FAKE");
    }

    @Test
    void readsARedisUrlWithoutUserOrPort() {
        SourceUrl url = SourceUrl.parse("rediss://:FAKE-redis-pw@ec2-5.example");
        assertThat(url.user()).isEmpty();
        assertThat(url.password()).isEqualTo("FAKE-redis-pw");
        assertThat(url.port(6379)).isEqualTo(6379);
        assertThat(url.path()).isEmpty();
    }

    @Test
    void scrubsTheUrlAndCredentialsFromAMessage() {
        String raw = "postgres://someone:FAKE-pw-77@db.example:5432/app";
        SourceUrl url = SourceUrl.parse(raw);
        String scrubbed = url.scrub("could not connect to " + raw + " as someone using FAKE-pw-77");
        assertThat(scrubbed).doesNotContain(raw, "FAKE-pw-77", "someone").contains("<url>");
    }

    @Test
    void refusesWhatIsNotAUrlWithoutRepeatingIt() {
        for (String bad : List.of("", "not a url FAKE-x", "postgres:///nohost-FAKE-y")) {
            assertThatThrownBy(() -> SourceUrl.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("FAKE"));
        }
    }

    @Test
    void queueKeysNameEachLibraryOnce() {
        assertThat(QueueKeys.systems(List.of("queue:mailers", "queues", "rq:job:1", "bull:x:1", "views/home")))
                .containsExactly("sidekiq", "rq", "bull");
        assertThat(QueueKeys.systems(List.of("_kombu.binding.celery", "unacked_index", "resque:queues")))
                .containsExactly("resque", "celery");
        assertThat(QueueKeys.systems(List.of("cache:users/1", "rack:session:abc", "queue")))
                .isEmpty();
    }
}

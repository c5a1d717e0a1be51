package dev.ferry.notifier.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Signatures of interactivity requests already accepted ({@code slack_interaction}); a request
 * seen before is a replay. Kept in the database so a restart does not forget them; rows older than
 * the accepted age are useless (such requests are refused as stale) and are purged.
 */
@ApplicationScoped
public class InteractionLedger {
    private final Jdbc jdbc;

    public InteractionLedger(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time a signature is seen, false for a replay. */
    public boolean firstTime(String signature) {
        return jdbc.update("insert into slack_interaction (signature) values (?) on conflict do nothing", signature)
                == 1;
    }

    public void purgeOlderThan(Duration age) {
        jdbc.update(
                "delete from slack_interaction where received_at < now() - make_interval(secs => ?)",
                (double) age.toSeconds() * 2);
    }
}

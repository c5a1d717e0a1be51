package dev.ferry.notifier.repository;

import dev.ferry.notifier.domain.SlackUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/** Reads the Slack users projection (written by {@code NotifierProjection} from ferry.notifications). */
@ApplicationScoped
public class SlackUserStore {
    private final Jdbc jdbc;

    public SlackUserStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<SlackUser> all() {
        return jdbc.query(
                "select slack_user_id, identity, roles from slack_user order by slack_user_id",
                rs -> new SlackUser(
                        rs.getString(1),
                        rs.getString(2),
                        Arrays.stream(rs.getString(3).split(","))
                                .filter(r -> !r.isBlank())
                                .toList(),
                        "rest"));
    }
}

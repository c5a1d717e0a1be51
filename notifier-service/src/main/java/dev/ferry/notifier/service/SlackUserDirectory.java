package dev.ferry.notifier.service;

import dev.ferry.notifier.config.NotifierConfig;
import dev.ferry.notifier.domain.SlackUser;
import dev.ferry.notifier.repository.SlackUserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack users allowed to act from Slack: those configured ({@code notifier.slack.users.<id>})
 * and those mapped over REST (which win when both name the same user).
 */
@ApplicationScoped
public class SlackUserDirectory {
    private final SlackUserStore store;
    private final Map<String, SlackUser> configured = new LinkedHashMap<>();
    private volatile List<SlackUser> cached;

    public SlackUserDirectory(SlackUserStore store, NotifierConfig config) {
        this.store = store;
        config.slack()
                .users()
                .forEach((id, user) ->
                        configured.put(id, new SlackUser(id, user.identity(), List.copyOf(user.roles()), "config")));
    }

    public List<SlackUser> all() {
        List<SlackUser> current = cached;
        if (current == null) {
            Map<String, SlackUser> merged = new LinkedHashMap<>(configured);
            store.all().forEach(u -> merged.put(u.slackUserId(), u));
            current = List.copyOf(merged.values());
            cached = current;
        }
        return current;
    }

    public Optional<SlackUser> find(String slackUserId) {
        return all().stream().filter(u -> u.slackUserId().equals(slackUserId)).findFirst();
    }

    public void invalidate() {
        cached = null;
    }
}

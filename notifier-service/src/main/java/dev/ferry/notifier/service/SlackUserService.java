package dev.ferry.notifier.service;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.EventIds;
import dev.ferry.events.notification.SlackUserMapped;
import dev.ferry.events.notification.SlackUserUnmapped;
import dev.ferry.notifier.domain.SlackUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** Maps Slack users to Ferry identities and roles, through ferry.notifications. */
@ApplicationScoped
public class SlackUserService {
    private static final Pattern SLACK_USER = Pattern.compile("^[UW][A-Z0-9]{2,20}$");

    private final SlackUserDirectory directory;
    private final EventLog eventLog;
    private final Clock clock;

    public SlackUserService(SlackUserDirectory directory, EventLog eventLog, Clock clock) {
        this.directory = directory;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** What a person sends to map a Slack user. */
    public record Mapping(String identity, List<String> roles) {}

    public List<SlackUser> list() {
        return directory.all();
    }

    public SlackUser map(String slackUserId, Mapping mapping, String by) {
        if (!SLACK_USER.matcher(slackUserId == null ? "" : slackUserId).matches()) {
            throw ProblemException.badRequest("A Slack user id looks like U0123ABCD");
        }
        if (mapping == null || mapping.identity() == null || mapping.identity().isBlank()) {
            throw ProblemException.badRequest("identity is required (the Ferry identity, e.g. an email)");
        }
        if (mapping.roles() == null || mapping.roles().isEmpty() || !SlackUser.ROLES.containsAll(mapping.roles())) {
            throw ProblemException.badRequest("roles must be one or more of " + SlackUser.ROLES);
        }
        SlackUserMapped mapped = new SlackUserMapped(
                slackUserId, mapping.identity().strip(), List.copyOf(mapping.roles()), by, clock.instant());
        eventLog.append(EventIds.random(), mapped).await().atMost(Duration.ofSeconds(10));
        directory.invalidate();
        return new SlackUser(slackUserId, mapped.identity(), mapped.roles(), "rest");
    }

    public void unmap(String slackUserId, String by) {
        SlackUser user = directory
                .find(slackUserId)
                .orElseThrow(() -> ProblemException.notFound("No Slack user " + slackUserId + " is mapped"));
        if ("config".equals(user.source())) {
            throw ProblemException.conflict(
                    "Slack user " + slackUserId + " comes from configuration (notifier.slack.users); change it there");
        }
        eventLog.append(EventIds.random(), new SlackUserUnmapped(slackUserId, by, clock.instant()))
                .await()
                .atMost(Duration.ofSeconds(10));
        directory.invalidate();
    }
}

package dev.ferry.notifier.domain;

import java.util.List;
import java.util.Set;

/** A Slack user Ferry knows: the identity commands are appended in the name of, and their roles. */
public record SlackUser(String slackUserId, String identity, List<String> roles, String source) {
    public static final String APPROVER = "approver";
    public static final String OPERATOR = "operator";
    public static final String VIEWER = "viewer";
    public static final Set<String> ROLES = Set.of(APPROVER, OPERATOR, VIEWER);

    public boolean has(String role) {
        return roles.contains(role);
    }
}

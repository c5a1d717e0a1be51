package dev.ferry.inventory.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a person asks to discover: the whole account, one team's apps, or a list of apps. Who asks is
 * not part of it: that comes from the bearer token, so a body field such as {@code requestedBy} is
 * ignored.
 *
 * @param scope {@code account}, {@code team} or {@code apps}; inferred when omitted
 * @param apps Heroku app names, for scope {@code apps}
 * @param team a Heroku team name, for scope {@code team}
 */
public record DiscoveryRequest(String scope, List<String> apps, String team) {
    public static final String ACCOUNT = "account";
    public static final String TEAM = "team";
    public static final String APPS = "apps";
    private static final Pattern APP_NAME = Pattern.compile("^[a-z][a-z0-9-]{1,29}$");
    private static final Pattern TEAM_NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,99}$");

    /** A request without a team. */
    public DiscoveryRequest(String scope, List<String> apps) {
        this(scope, apps, null);
    }

    /** The scope, inferred when omitted: named apps, else a named team, else the account. */
    public String effectiveScope() {
        if (scope != null) {
            return scope;
        }
        if (apps != null && !apps.isEmpty()) {
            return APPS;
        }
        return team != null ? TEAM : ACCOUNT;
    }

    /** The requested app names, never null. */
    public List<String> appNames() {
        return apps == null ? List.of() : List.copyOf(apps);
    }

    /** Every reason the request cannot run; empty when it can. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String effective = effectiveScope();
        if (!effective.equals(ACCOUNT) && !effective.equals(APPS) && !effective.equals(TEAM)) {
            problems.add("scope must be 'account', 'team' or 'apps', not '" + effective + "'");
        }
        if (effective.equals(APPS) && appNames().isEmpty()) {
            problems.add("scope 'apps' needs at least one app name in 'apps'");
        }
        if (!effective.equals(APPS) && !appNames().isEmpty()) {
            problems.add("scope '" + effective + "' does not take 'apps'; leave it empty or use scope 'apps'");
        }
        if (effective.equals(TEAM) && (team == null || !TEAM_NAME.matcher(team).matches())) {
            problems.add("scope 'team' needs a Heroku team name in 'team' (lower-case letters, digits and dashes)");
        }
        if (!effective.equals(TEAM) && team != null) {
            problems.add("'team' only goes with scope 'team'");
        }
        for (String name : appNames()) {
            if (name == null || !APP_NAME.matcher(name).matches()) {
                problems.add(
                        "'"
                                + name
                                + "' is not a Heroku app name (lower-case letters, digits and dashes, 2 to 30 characters, starting with a letter)");
            }
        }
        if (appNames().stream().distinct().count() != appNames().size()) {
            problems.add("apps lists the same app more than once");
        }
        return problems;
    }
}

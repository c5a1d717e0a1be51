package dev.ferry.inventory.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a person asks to discover: the whole account, or a list of apps.
 *
 * @param scope {@code account} or {@code apps}; defaults to {@code apps} when apps are named
 * @param apps Heroku app names
 * @param requestedBy who asked, for the audit trail
 */
public record DiscoveryRequest(String scope, List<String> apps, String requestedBy) {
    public static final String ACCOUNT = "account";
    public static final String APPS = "apps";
    private static final Pattern APP_NAME = Pattern.compile("^[a-z][a-z0-9-]{1,29}$");

    /** The scope, inferred when omitted. */
    public String effectiveScope() {
        if (scope != null) {
            return scope;
        }
        return apps == null || apps.isEmpty() ? ACCOUNT : APPS;
    }

    /** The requested app names, never null. */
    public List<String> appNames() {
        return apps == null ? List.of() : List.copyOf(apps);
    }

    /** Who asked, or {@code anonymous}. */
    public String requester() {
        return requestedBy == null || requestedBy.isBlank() ? "anonymous" : requestedBy;
    }

    /** Every reason the request cannot run; empty when it can. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String effective = effectiveScope();
        if (!effective.equals(ACCOUNT) && !effective.equals(APPS)) {
            problems.add("scope must be 'account' or 'apps', not '" + effective + "'");
        }
        if (effective.equals(APPS) && appNames().isEmpty()) {
            problems.add("scope 'apps' needs at least one app name in 'apps'");
        }
        if (effective.equals(ACCOUNT) && !appNames().isEmpty()) {
            problems.add("scope 'account' discovers every app; leave 'apps' empty or use scope 'apps'");
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

package dev.ferry.inventory.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tier of a Heroku Postgres or Heroku Key-Value Store (Redis) plan, read from its slug, so a
 * planner or a person can match plans by tier rather than by full name; null for other services and
 * for slugs of an unknown shape.
 */
public final class PlanTier {
    private static final Set<String> SERVICES = Set.of("heroku-postgresql", "heroku-redis");
    /** {@code standard-0}, {@code premium-7}, {@code essential-1}, {@code private-2}, {@code shield-0}. */
    private static final Pattern SIZED = Pattern.compile("^(essential|standard|premium|private|shield)-[a-z0-9]+$");

    private PlanTier() {}

    /** The tier of {@code plan} (e.g. {@code heroku-postgresql:standard-0} is {@code standard}), or null. */
    public static String of(String service, String plan) {
        if (service == null || plan == null || !SERVICES.contains(service)) {
            return null;
        }
        String prefix = service + ":";
        if (!plan.startsWith(prefix)) {
            return null;
        }
        String slug = plan.substring(prefix.length()).toLowerCase(Locale.ROOT);
        Matcher sized = SIZED.matcher(slug);
        if (sized.matches()) {
            return sized.group(1);
        }
        return switch (slug) {
            case "mini", "basic" -> slug;
            case "hobby-dev", "hobby-basic" -> "hobby";
            default -> null;
        };
    }
}

package dev.ferry.events.plan;

/**
 * How one Heroku feature an app uses maps to Aptible.
 *
 * @param mapping {@code full}, {@code partial} or {@code none}
 * @param note the caveat for a partial mapping, the workaround for none
 */
public record FidelityItem(String app, String feature, String mapping, String note) {}

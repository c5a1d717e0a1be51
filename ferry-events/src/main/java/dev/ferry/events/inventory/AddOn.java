package dev.ferry.events.inventory;

import java.util.List;

/**
 * A Heroku add-on attached to an app.
 *
 * @param service the add-on service, e.g. {@code heroku-postgresql}
 * @param plan the plan name, e.g. {@code heroku-postgresql:standard-0}
 * @param configVars names of the config vars the add-on provides
 */
public record AddOn(String id, String name, String service, String plan, List<String> configVars) {}

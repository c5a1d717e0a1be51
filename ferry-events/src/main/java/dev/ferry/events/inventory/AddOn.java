package dev.ferry.events.inventory;

import dev.ferry.events.Nullable;
import java.util.List;

/**
 * A Heroku add-on attached to an app.
 *
 * @param service the add-on service, e.g. {@code heroku-postgresql}
 * @param plan the plan name, e.g. {@code heroku-postgresql:standard-0}
 * @param configVars names of the config vars this app's attachment provides
 * @param billingApp the app that owns (and pays for) the add-on; another app means it is shared
 * @param attachedTo every app the add-on is attached to, sorted
 * @param attachmentName this app's attachment name, e.g. {@code DATABASE} or {@code HEROKU_POSTGRESQL_PINK}
 * @param state {@code provisioned}, {@code provisioning} or {@code deprovisioned}
 * @param postgres Heroku Postgres facts from the Data API
 * @param redis Heroku Redis facts from the Data API
 * @param postgresProbe what a read-only probe of the database found
 * @param redisProbe what a read-only probe of the Redis found
 */
public record AddOn(
        String id,
        String name,
        String service,
        String plan,
        List<String> configVars,
        @Nullable String billingApp,
        @Nullable List<String> attachedTo,
        @Nullable String attachmentName,
        @Nullable String state,
        @Nullable PostgresInfo postgres,
        @Nullable RedisInfo redis,
        @Nullable PostgresProbe postgresProbe,
        @Nullable RedisProbe redisProbe) {

    /** The v1 shape. */
    public AddOn(String id, String name, String service, String plan, List<String> configVars) {
        this(id, name, service, plan, configVars, null, null, null, null, null, null, null, null);
    }
}

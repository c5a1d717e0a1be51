package dev.ferry.inventory.drift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Two versions of a small Heroku estate for the simulator, the second drifted from the first: the
 * simulator has no write API, so a test rewrites its estate file and resets it.
 */
final class DriftEstates {
    static final String TOKEN = "HRKU-00000000-0000-4000-8000-000000000001";
    /** Every value a test may search its outputs for. */
    static final List<String> SECRETS = List.of(
            "FAKE-drift-secret-base-v1",
            "FAKE-drift-secret-base-v2",
            "FAKE-drift-legacy-token",
            "FAKE-drift-sendgrid-key",
            "FAKE-drift-db-pw-v1",
            "FAKE-drift-redis-pw-v1",
            "FAKE-drift-admin-secret",
            "FAKE-drift-api-secret",
            "FAKE-drift-team-acme",
            "FAKE-drift-team-beta",
            DriftEstates.PROBE_PASSWORD);
    /** The password of the role the second version's DATABASE_URL logs in with. */
    static final String PROBE_PASSWORD = "FAKE-probe-pw-9931";

    private DriftEstates() {}

    static void write(Path file, String json) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** acme-shop and acme-admin (and the team apps); Postgres and Redis URLs on a closed port. */
    static String v1(int closedPort) {
        return estate("""
                {"name": "acme-shop", "owner": "platform@acme.example", "stack": "heroku-22",
                 "formation": [
                   {"type": "web", "command": "bundle exec puma", "quantity": 2, "size": "standard-1x"},
                   {"type": "worker", "command": "bundle exec sidekiq", "quantity": 1, "size": "standard-2x"}],
                 "config_vars": {
                   "DATABASE_URL": "postgres://acme:FAKE-drift-db-pw-v1@127.0.0.1:%1$d/d8acme",
                   "REDIS_URL": "redis://h:FAKE-drift-redis-pw-v1@127.0.0.1:%1$d",
                   "SECRET_KEY_BASE": "FAKE-drift-secret-base-v1",
                   "LEGACY_TOKEN": "FAKE-drift-legacy-token",
                   "SENDGRID_API_KEY": "FAKE-drift-sendgrid-key"}},
                {"name": "acme-admin", "owner": "platform@acme.example",
                 "formation": [{"type": "web", "command": "bundle exec puma", "quantity": 1, "size": "standard-1x"}],
                 "config_vars": {"SECRET_KEY_BASE": "FAKE-drift-admin-secret"}}
                """.formatted(closedPort), """
                {"name": "postgresql-drift-shop", "service": "heroku-postgresql",
                 "plan": "heroku-postgresql:standard-0", "app": "acme-shop", "config_vars": ["DATABASE_URL"],
                 "attachments": [{"app": "acme-shop", "config_vars": ["DATABASE_URL"]}]},
                {"name": "redis-drift-shop", "service": "heroku-redis", "plan": "heroku-redis:premium-0",
                 "app": "acme-shop", "config_vars": ["REDIS_URL"],
                 "attachments": [{"app": "acme-shop", "config_vars": ["REDIS_URL"]}]},
                {"name": "sendgrid-drift-shop", "service": "sendgrid", "plan": "sendgrid:starter",
                 "app": "acme-shop", "config_vars": ["SENDGRID_API_KEY"],
                 "attachments": [{"app": "acme-shop", "config_vars": ["SENDGRID_API_KEY"]}]}
                """);
    }

    /**
     * acme-shop scaled, on a new stack, one config var added and one removed, the Redis plan changed,
     * SendGrid gone and Papertrail added, its URLs pointing at real servers; acme-admin gone, acme-api
     * new.
     */
    static String v2(String databaseUrl, String redisUrl) {
        return estate("""
                {"name": "acme-shop", "owner": "platform@acme.example", "stack": "heroku-24",
                 "formation": [
                   {"type": "web", "command": "bundle exec puma", "quantity": 3, "size": "standard-1x"},
                   {"type": "worker", "command": "bundle exec sidekiq", "quantity": 1, "size": "standard-2x"}],
                 "config_vars": {
                   "DATABASE_URL": "%s",
                   "REDIS_URL": "%s",
                   "SECRET_KEY_BASE": "FAKE-drift-secret-base-v2",
                   "NEW_FEATURE_FLAG": "on",
                   "PAPERTRAIL_API_TOKEN": "FAKE-drift-papertrail"}},
                {"name": "acme-api", "owner": "platform@acme.example",
                 "formation": [{"type": "web", "command": "bin/api", "quantity": 1, "size": "standard-1x"}],
                 "config_vars": {"SECRET_KEY_BASE": "FAKE-drift-api-secret"}}
                """.formatted(databaseUrl, redisUrl), """
                {"name": "postgresql-drift-shop", "service": "heroku-postgresql",
                 "plan": "heroku-postgresql:standard-0", "app": "acme-shop", "config_vars": ["DATABASE_URL"],
                 "attachments": [{"app": "acme-shop", "config_vars": ["DATABASE_URL"]}]},
                {"name": "redis-drift-shop", "service": "heroku-redis", "plan": "heroku-redis:premium-1",
                 "app": "acme-shop", "config_vars": ["REDIS_URL"],
                 "attachments": [{"app": "acme-shop", "config_vars": ["REDIS_URL"]}]},
                {"name": "papertrail-drift-shop", "service": "papertrail", "plan": "papertrail:choklad",
                 "app": "acme-shop", "config_vars": ["PAPERTRAIL_API_TOKEN"],
                 "attachments": [{"app": "acme-shop", "config_vars": ["PAPERTRAIL_API_TOKEN"]}]}
                """);
    }

    /** The apps of the teams acme and beta, the same in both versions. */
    private static final String TEAM_APPS = """
            {"name": "acme-team-api", "team": "acme",
             "formation": [{"type": "web", "command": "bin/api", "quantity": 1, "size": "standard-1x"}],
             "config_vars": {"SECRET_KEY_BASE": "FAKE-drift-team-acme"}},
            {"name": "beta-web", "team": "beta",
             "formation": [{"type": "web", "command": "bin/web", "quantity": 2, "size": "standard-2x"}],
             "config_vars": {"SECRET_KEY_BASE": "FAKE-drift-team-beta"}},
            {"name": "beta-worker", "team": "beta",
             "formation": [{"type": "worker", "command": "bin/work", "quantity": 1, "size": "standard-1x"}],
             "config_vars": {"SECRET_KEY_BASE": "FAKE-drift-team-beta-worker"}}
            """;

    private static String estate(String apps, String addons) {
        return """
                {"description": "drift test estate; every secret is fake",
                 "accounts": [{"email": "platform@acme.example", "name": "Acme",
                   "tokens": [{"token": "%s", "scope": ["global"]}]}],
                 "teams": [{"name": "acme", "members": ["platform@acme.example"]},
                           {"name": "beta", "members": ["platform@acme.example"]}],
                 "apps": [%s, %s],
                 "addons": [%s]}
                """.formatted(TOKEN, apps, TEAM_APPS, addons);
    }
}

package dev.ferry.notifier.repository;

import dev.ferry.notifier.domain.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What plans and migrations are about (environment, Heroku apps), remembered from the events so a
 * step event can be matched against subscription filters. Upserts: a redelivered event changes nothing.
 */
@ApplicationScoped
public class ScopeStore {
    private final Jdbc jdbc;

    public ScopeStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void recordPlan(String planId, String environment, Collection<String> apps) {
        jdbc.update(
                "insert into plan_scope (plan_id, environment, apps) values (?, ?, ?)"
                        + " on conflict (plan_id) do update set environment = excluded.environment, apps = excluded.apps",
                planId,
                environment,
                String.join(",", new TreeSet<>(apps)));
    }

    public void recordMigration(String migrationId, String planId, String environment) {
        jdbc.update(
                "insert into migration_scope (migration_id, plan_id, environment) values (?, ?, ?)"
                        + " on conflict (migration_id) do nothing",
                migrationId,
                planId,
                environment);
    }

    public Scope ofMigration(String migrationId) {
        return jdbc
                .query(
                        "select m.plan_id, m.environment, p.apps from migration_scope m"
                                + " left join plan_scope p on p.plan_id = m.plan_id where m.migration_id = ?",
                        rs -> new Scope(migrationId, rs.getString(1), rs.getString(2), apps(rs.getString(3))),
                        migrationId)
                .stream()
                .findFirst()
                .orElse(new Scope(migrationId, null, null, Set.of()));
    }

    public Scope ofPlan(String planId) {
        return jdbc
                .query(
                        "select environment, apps from plan_scope where plan_id = ?",
                        rs -> new Scope(null, planId, rs.getString(1), apps(rs.getString(2))),
                        planId)
                .stream()
                .findFirst()
                .orElse(new Scope(null, planId, null, Set.of()));
    }

    private static Set<String> apps(String joined) {
        if (joined == null || joined.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).collect(Collectors.toUnmodifiableSet());
    }
}

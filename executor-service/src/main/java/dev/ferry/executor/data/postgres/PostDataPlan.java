package dev.ferry.executor.data.postgres;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pg_dump's post-data section sorted into phases that can run in parallel: every index (primary
 * keys and unique constraints are built as plain unique indexes here, then attached), then the
 * constraints table by table, then foreign keys, then everything else (triggers, rules, comments,
 * materialized view refreshes) in dump order.
 *
 * @param session the SET statements every connection runs first
 * @param indexes CREATE INDEX statements, independent of each other
 * @param constraints per table, statements that must run one after the other
 * @param foreignKeys per referencing table
 * @param rest in dump order, on one connection
 */
public record PostDataPlan(
        List<String> session,
        List<String> indexes,
        Map<String, List<String>> constraints,
        Map<String, List<String>> foreignKeys,
        List<String> rest) {

    private static final Pattern ADD_CONSTRAINT =
            Pattern.compile("(?s)^ALTER TABLE ONLY (\\S+)\\s+ADD CONSTRAINT (\\S+) (.*)$");
    private static final Pattern KEY = Pattern.compile("(?s)^(PRIMARY KEY|UNIQUE) (\\([^()]*\\))$");

    public static PostDataPlan of(List<String> statements, Set<String> partitionedTables) {
        List<String> session = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        Map<String, List<String>> constraints = new LinkedHashMap<>();
        Map<String, List<String>> foreignKeys = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (String sql : statements) {
            String upper = sql.toUpperCase(Locale.ROOT);
            if (upper.startsWith("SET ") || upper.startsWith("SELECT PG_CATALOG.SET_CONFIG")) {
                session.add(sql);
            } else if (upper.startsWith("CREATE INDEX ") || upper.startsWith("CREATE UNIQUE INDEX ")) {
                if (upper.contains(" ON ONLY ")) {
                    rest.add(sql); // a partitioned index, attached to its partitions' indexes later
                } else {
                    indexes.add(sql);
                }
            } else {
                Matcher m = ADD_CONSTRAINT.matcher(sql);
                if (!m.matches()) {
                    rest.add(sql);
                    continue;
                }
                String table = m.group(1);
                String name = m.group(2);
                String definition = m.group(3).trim();
                if (definition.startsWith("FOREIGN KEY")) {
                    foreignKeys.computeIfAbsent(table, k -> new ArrayList<>()).add(sql);
                    continue;
                }
                Matcher key = KEY.matcher(definition);
                if (key.matches() && !partitionedTables.contains(table)) {
                    indexes.add("CREATE UNIQUE INDEX " + name + " ON " + table + " USING btree " + key.group(2));
                    constraints
                            .computeIfAbsent(table, k -> new ArrayList<>())
                            .add("ALTER TABLE ONLY " + table + " ADD CONSTRAINT " + name + " " + key.group(1)
                                    + " USING INDEX " + name);
                } else {
                    constraints.computeIfAbsent(table, k -> new ArrayList<>()).add(sql);
                }
            }
        }
        return new PostDataPlan(session, indexes, constraints, foreignKeys, rest);
    }

    public int size() {
        return indexes.size()
                + constraints.values().stream().mapToInt(List::size).sum()
                + foreignKeys.values().stream().mapToInt(List::size).sum()
                + rest.size();
    }
}

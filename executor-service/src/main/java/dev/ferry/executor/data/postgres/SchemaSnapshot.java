package dev.ferry.executor.data.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A database's schema as comparable text lines per kind (relations, columns, indexes, constraints,
 * triggers, extensions), read from the catalogs with an empty search_path so every name is qualified.
 */
record SchemaSnapshot(Map<String, Set<String>> kinds) {
    private static final String USER_NAMESPACE = " n.nspname not in ('pg_catalog', 'information_schema')"
            + " and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%' ";
    private static final String NOT_EXTENSION_MEMBER =
            " not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass"
                    + " and d.objid = c.oid and d.deptype = 'e') ";
    private static final int SHOWN = 8;

    static SchemaSnapshot read(Connection c) throws SQLException {
        Map<String, Set<String>> kinds = new LinkedHashMap<>();
        kinds.put(
                "relation",
                Catalog.names(
                        c,
                        "select c.relkind::text || ' ' || c.oid::regclass::text from pg_class c join pg_namespace n"
                                + " on n.oid = c.relnamespace where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and"
                                + USER_NAMESPACE + "and" + NOT_EXTENSION_MEMBER));
        kinds.put(
                "column",
                Catalog.names(
                        c,
                        "select c.oid::regclass::text || '.' || quote_ident(a.attname) || ' '"
                                + " || format_type(a.atttypid, a.atttypmod)"
                                + " || case when a.attnotnull then ' not null' else '' end"
                                + " || coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '')"
                                + " || case when a.attidentity <> '' then ' identity ' || a.attidentity::text else '' end"
                                + " || case when a.attgenerated <> '' then ' generated' else '' end"
                                + " from pg_attribute a join pg_class c on c.oid = a.attrelid"
                                + " join pg_namespace n on n.oid = c.relnamespace"
                                + " left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum"
                                + " where c.relkind in ('r', 'p', 'v', 'm', 'f') and a.attnum > 0"
                                + " and not a.attisdropped and" + USER_NAMESPACE + "and" + NOT_EXTENSION_MEMBER));
        kinds.put(
                "index",
                Catalog.names(
                        c,
                        "select pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indrelid"
                                + " join pg_namespace n on n.oid = c.relnamespace where" + USER_NAMESPACE + "and"
                                + NOT_EXTENSION_MEMBER));
        kinds.put(
                "constraint",
                Catalog.names(
                        c,
                        "select case when co.conrelid <> 0 then co.conrelid::regclass::text"
                                + " else co.contypid::regtype::text end || ' ' || quote_ident(co.conname) || ' '"
                                + " || pg_get_constraintdef(co.oid) from pg_constraint co"
                                + " join pg_namespace n on n.oid = co.connamespace where" + USER_NAMESPACE));
        kinds.put(
                "trigger",
                Catalog.names(
                        c,
                        "select pg_get_triggerdef(t.oid) from pg_trigger t join pg_class c on c.oid = t.tgrelid"
                                + " join pg_namespace n on n.oid = c.relnamespace where not t.tgisinternal and"
                                + USER_NAMESPACE));
        kinds.put("extension", Catalog.extensions(c));
        kinds.put(
                "extension version",
                Catalog.names(c, "select extname || ' ' || extversion from pg_extension where extname <> 'plpgsql'"));
        return new SchemaSnapshot(kinds);
    }

    /** Differences that fail a verification; extension versions are only noted. */
    List<String> differences(SchemaSnapshot target) {
        List<String> out = new ArrayList<>();
        kinds.forEach((kind, lines) -> {
            if (kind.equals("extension version")) {
                return;
            }
            Set<String> other = target.kinds().getOrDefault(kind, Set.of());
            describe(out, kind, "missing on the target", minus(lines, other));
            describe(out, kind, "only on the target", minus(other, lines));
        });
        return out;
    }

    List<String> notes(SchemaSnapshot target) {
        List<String> out = new ArrayList<>();
        Set<String> source = kinds.get("extension version");
        Set<String> other = target.kinds().get("extension version");
        if (!source.equals(other)) {
            out.add("extension versions differ: source " + source + ", target " + other);
        }
        return out;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static void describe(List<String> out, String kind, String what, Set<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<String> shown = lines.stream().limit(SHOWN).toList();
        out.add(lines.size() + " " + kind + (lines.size() == 1 ? "" : "s") + " " + what + ": "
                + String.join("; ", shown) + (lines.size() > SHOWN ? "; ..." : ""));
    }
}

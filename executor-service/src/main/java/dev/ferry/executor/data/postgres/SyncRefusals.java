package dev.ferry.executor.data.postgres;

import dev.ferry.executor.data.postgres.Replication.Names;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Why a source cannot be synced logically into a target, checked before {@link LogicalSync}
 * creates anything, so a refused step leaves both databases as they were.
 */
final class SyncRefusals {
    /** Tables whose UPDATE and DELETE a publication cannot replicate: no primary key and no replica identity. */
    private static final String NO_IDENTITY = " and (c.relreplident = 'n' or (c.relreplident = 'd' and not exists"
            + " (select 1 from pg_index i where i.indrelid = c.oid and i.indisprimary))"
            + " or (c.relreplident = 'i' and not exists (select 1 from pg_index i where i.indrelid = c.oid"
            + " and i.indisreplident)))";

    private SyncRefusals() {}

    /** Why this source cannot be synced into this target, empty when it can. */
    static List<String> of(
            Connection s,
            Connection t,
            PgEndpoint source,
            PgEndpoint target,
            Names names,
            CopyOwner owner,
            boolean subscribed)
            throws SQLException {
        List<String> out = new ArrayList<>();
        String walLevel = Sql.one(s, "select current_setting('wal_level')");
        if (!"logical".equals(walLevel)) {
            out.add("The source " + source.describe() + " has wal_level=" + walLevel
                    + "; logical replication needs wal_level=logical (plan a dump and restore instead)");
            return out;
        }
        if (!"t".equals(Sql.one(s, "select rolsuper or rolreplication from pg_roles where rolname = current_user"))) {
            out.add("The source's role " + source.user() + " may not replicate (it needs the REPLICATION attribute)");
        }
        Set<String> noIdentity = Replication.tables(s, NO_IDENTITY);
        if (!noIdentity.isEmpty()) {
            out.add("Logical replication needs a primary key or a replica identity on every table; these have none: "
                    + noIdentity);
        }
        Set<String> unlogged = Catalog.names(
                s,
                "select quote_ident(n.nspname) || '.' || quote_ident(c.relname) from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r'"
                        + " and c.relpersistence = 'u' and n.nspname not in ('pg_catalog', 'information_schema')");
        if (!unlogged.isEmpty()) {
            out.add("Logical replication cannot carry unlogged tables: " + unlogged);
        }
        if (!Replication.slotExists(s, names.slot())
                && "t"
                        .equals(Sql.one(
                                s,
                                "select count(*) >= current_setting('max_replication_slots')::int"
                                        + " from pg_replication_slots"))) {
            out.add("The source " + source.describe() + " has no free replication slot (max_replication_slots)");
        }
        Set<String> existing = Replication.tables(t, "");
        Optional<String> notOurs = CopyMark.problem(t, target, owner, existing);
        notOurs.ifPresent(out::add);
        if (subscribed) {
            return out;
        }
        int targetVersion = Catalog.serverVersion(t);
        String canSubscribe = targetVersion >= 160000
                ? "select rolsuper or pg_has_role(current_user, 'pg_create_subscription', 'member') from pg_roles"
                        + " where rolname = current_user"
                : "select rolsuper from pg_roles where rolname = current_user";
        if (!"t".equals(Sql.one(t, canSubscribe))) {
            out.add("The target's role " + target.user() + " may not create a subscription (PostgreSQL "
                    + targetVersion / 10000 + " needs a superuser"
                    + (targetVersion >= 160000 ? " or pg_create_subscription" : "")
                    + ")");
        }
        Set<String> missing = new TreeSet<>(Catalog.extensions(s));
        missing.removeAll(Catalog.availableExtensions(t));
        if (!missing.isEmpty()) {
            out.add("The target " + target.describe() + " cannot install the extensions the source uses: " + missing);
        }
        Set<String> foreign = new TreeSet<>(existing);
        foreign.removeAll(Replication.tables(s, ""));
        if (notOurs.isEmpty() && !foreign.isEmpty()) {
            out.add("The target " + target.describe() + " is not empty: it holds tables the source does not have "
                    + foreign + "; Ferry syncs only into a new database or over its own partial sync");
        }
        return out;
    }
}

package dev.ferry.executor.data;

import static dev.ferry.executor.data.postgres.LogicalClusters.column;
import static dev.ferry.executor.data.postgres.LogicalClusters.execute;
import static dev.ferry.executor.data.postgres.LogicalClusters.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.events.migration.StepProgress;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.executor.data.postgres.LogicalClusters;
import dev.ferry.executor.data.postgres.Replication;
import dev.ferry.executor.data.postgres.TestPostgres;
import dev.ferry.executor.step.StepContext;
import dev.ferry.executor.step.StepException;
import dev.ferry.executor.step.StepOutcome;
import io.smallrye.mutiny.Uni;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The logical-sync strategy of copy-postgres and the catch-up-postgres step on two real PostgreSQL
 * servers: a sync under a steady write load, the cut-over with writes stopped, verification,
 * re-runs and crashes between the lines, refusals that create nothing, and the compensation.
 */
class LogicalSyncStepsTest {
    private static final SecretBox BOX = SecretBox.of("k1", Base64.getEncoder().encodeToString(new byte[32]));
    /** pg_subscription is shared by the server's databases. */
    private static final String HERE =
            " where subdbid = (select oid from pg_database where datname = current_database())";

    private static final List<String> TABLES =
            List.of("public.customers", "public.orders", "public.readings", "public.tags");

    private final MapTargetDatabases targets = new MapTargetDatabases();
    private final List<StepProgress> events = new CopyOnWriteArrayList<>();
    private final DataSteps data = new DataSteps(
            BOX, targets, new DataSteps.Settings(Optional.empty(), 2, 2L << 20, "64MB", Duration.ofMillis(200), 100));
    private final CopyPostgresStep copy = new CopyPostgresStep(data, events::add);
    private final CatchUpPostgresStep catchUp = new CatchUpPostgresStep(data, events::add);
    private final VerifyPostgresStep verify = new VerifyPostgresStep(data);

    private static EmbeddedPostgres src() {
        return LogicalClusters.source();
    }

    private static EmbeddedPostgres dst() {
        return LogicalClusters.target();
    }

    /** Customers, orders (jsonb, bytea, a foreign key, a sequence default), an identity table, a REPLICA IDENTITY FULL table. */
    private static String source(String db) {
        String url = LogicalClusters.sourceDatabase(db);
        execute(
                src(),
                db,
                "create sequence invoice_numbers start 1000",
                "create table customers (id bigserial primary key, email text not null unique, name text not null,"
                        + " profile jsonb)",
                "create table orders (id bigserial primary key, customer_id bigint not null references customers (id),"
                        + " total numeric(10, 2) not null, details jsonb not null, receipt bytea,"
                        + " invoice int default nextval('invoice_numbers'))",
                "create index orders_customer on orders (customer_id)",
                "create table readings (id bigint generated always as identity primary key, sensor int not null,"
                        + " value double precision, note text)",
                "create table tags (name text not null, weight int not null)",
                "alter table tags replica identity full",
                "insert into customers (email, name, profile) select 'u' || g || '@example.com', 'name ' || g || ' ''q''',"
                        + " jsonb_build_object('n', g, 'vip', g % 5 = 0) from generate_series(1, 500) g",
                "insert into orders (customer_id, total, details, receipt) select 1 + g % 500, (g % 300) * 1.5,"
                        + " jsonb_build_object('items', jsonb_build_array(g, 'x' || g)),"
                        + " case when g % 7 = 0 then null else decode(md5(g::text), 'hex') end"
                        + " from generate_series(1, 3000) g",
                "insert into readings (sensor, value, note) select g % 17, g / 3.0, repeat(md5(g::text), 3)"
                        + " from generate_series(1, 40000) g",
                "insert into tags select 'tag' || g, g from generate_series(1, 50) g",
                "analyze");
        return url;
    }

    /** The target's handle: each test its own, since slot names are unique across the source server. */
    private String handle = "shop-db";

    private StepContext context(String id, String type, String strategy, String sourceUrl) {
        Map<String, String> parameters = strategy == null
                ? Map.of("sourceAddon", "postgresql-big-1", "targetDatabase", handle)
                : Map.of(
                        "sourceAddon", "postgresql-big-1", "targetDatabase", handle, "strategy", strategy, "jobs", "1");
        PlanStep step =
                new PlanStep(id, type, "t", "r", List.of(), parameters, Map.of("sourceUrl", BOX.seal(sourceUrl)));
        return new StepContext("mig-ls", "acme-production", step, Map.of());
    }

    private StepContext sync(String sourceUrl) {
        return context("sync:shop-db", "copy-postgres", "logical-sync", sourceUrl);
    }

    private StepContext catchup(String sourceUrl) {
        return context("catchup:shop-db", "catch-up-postgres", null, sourceUrl);
    }

    private static <T> T run(Uni<T> uni) {
        return uni.await().atMost(Duration.ofMinutes(3));
    }

    /** Inserts, updates and deletes on the source until stopped, like an app would. */
    private static final class Writer implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong writes = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final String db;

        Writer(String db) {
            this.db = db;
        }

        @Override
        public void run() {
            try (Connection c = LogicalClusters.connect(src(), db);
                    Statement s = c.createStatement()) {
                long i = 0;
                while (!stop.get()) {
                    i++;
                    int customer = 1 + ThreadLocalRandom.current().nextInt(500);
                    s.execute("insert into orders (customer_id, total, details, receipt) values (" + customer
                            + ", 9.99, '{\"live\": " + i + "}', decode(md5('" + i + "'), 'hex'))");
                    s.execute("update customers set profile = jsonb_set(profile, '{n}', to_jsonb(" + i
                            + ")) where id = " + customer);
                    s.execute("insert into readings (sensor, value) values (" + (i % 17) + ", " + i + ")");
                    if (i % 5 == 0) {
                        s.execute("delete from orders where id = " + (i * 3));
                        s.execute("update tags set weight = weight + 1 where name = 'tag" + (i % 50 + 1) + "'");
                    }
                    writes.incrementAndGet();
                    Thread.sleep(3);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }
    }

    private static void assertSameData(String db) {
        for (String table : TABLES) {
            String digest = "select count(*) || ' ' || md5(coalesce(string_agg(t::text, '|' order by t::text), ''))"
                    + " from " + table + " t";
            assertThat(single(dst(), db, digest)).as(table).isEqualTo(single(src(), db, digest));
        }
        for (String seq : List.of("customers_id_seq", "orders_id_seq", "readings_id_seq", "invoice_numbers")) {
            String value = "select last_value || ' ' || is_called from " + seq;
            assertThat(single(dst(), db, value)).as(seq).isEqualTo(single(src(), db, value));
        }
    }

    private static void assertNoReplicationLeft(String db) {
        assertThat(column(src(), db, "select pubname from pg_publication")).isEmpty();
        assertThat(column(
                        src(), "postgres", "select slot_name from pg_replication_slots where database = '" + db + "'"))
                .isEmpty();
        assertThat(column(dst(), db, "select subname from pg_subscription" + HERE))
                .isEmpty();
    }

    @Test
    void syncUnderWritesThenCatchUpWithWritesStoppedLosesNothingAndTheTargetStandsAlone() throws Exception {
        handle = "shop-main";
        String sourceUrl = source("ls_main");
        targets.put(handle, LogicalClusters.targetDatabase("ls_main"));
        Writer writer = new Writer("ls_main");
        Thread thread = new Thread(writer, "writer");
        thread.start();

        StepOutcome synced = run(copy.ensure(sync(sourceUrl)));
        long writesDuringSync = writer.writes.get();
        Thread.sleep(1500); // the app keeps writing after the initial copy; the subscription applies it
        writer.stop.set(true); // the window: maintenance on, processes scaled down
        thread.join();
        assertThat(writer.failure.get()).isNull();
        assertThat(writer.writes.get()).isGreaterThan(writesDuringSync).isGreaterThan(10);

        StepOutcome caughtUp = run(catchUp.ensure(catchup(sourceUrl)));
        StepOutcome verified = run(verify.ensure(context("verify:shop-db", "verify-postgres", null, sourceUrl)));

        assertThat(synced.outputs())
                .containsEntry("tables", "4")
                .containsEntry("resumed", "false")
                .containsEntry("subscription", Replication.Names.of(handle).subscription());
        assertThat(synced.summary()).contains("logical replication", "postgresql-big-1", handle);
        assertThat(caughtUp.outputs())
                .containsEntry("subscriptionDropped", "true")
                .containsEntry("sequences", "4");
        assertThat(verified.summary()).contains("matches");
        assertSameData("ls_main");
        assertNoReplicationLeft("ls_main");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.stepId()).isEqualTo("sync:shop-db");
            assertThat(e.tablesTotal()).isEqualTo(4);
            assertThat(e.message()).contains("tables");
        });
        List<StepProgress> syncEvents =
                events.stream().filter(e -> e.stepId().equals("sync:shop-db")).toList();
        assertThat(syncEvents.get(syncEvents.size() - 1).tablesDone()).isEqualTo(4);
        // the target takes writes on its own, its sequences past every id the source used
        execute(dst(), "ls_main", "insert into orders (customer_id, total, details) values (1, 1, '{}')");
        assertThat(Long.parseLong(single(dst(), "ls_main", "select max(id) from orders")))
                .isGreaterThan(Long.parseLong(single(src(), "ls_main", "select max(id) from orders")));
        assertThat(synced + " " + caughtUp + " " + verified + " " + events).doesNotContain(TestPostgres.PASSWORD);

        // a second catch-up (a crash after the drop) finds the subscription gone and finishes
        StepOutcome again = run(catchUp.ensure(catchup(sourceUrl)));
        assertThat(again.outputs()).containsEntry("subscriptionDropped", "false");
        assertThat(again.summary()).contains("already caught up");
    }

    @Test
    void reRunsFindWhatEarlierAttemptsLeftAtEveryLine() {
        handle = "shop-rerun";
        String sourceUrl = source("ls_rerun");
        String targetUrl = LogicalClusters.targetDatabase("ls_rerun");
        targets.put(handle, targetUrl);
        Replication.Names names = Replication.Names.of(handle);
        // a crash after the publication and the slot were created, before the subscription: both are reused or replaced
        execute(
                src(),
                "ls_rerun",
                "create publication " + names.publication() + " for table customers",
                "select pg_create_logical_replication_slot('" + names.slot() + "', 'pgoutput')");
        // and an earlier attempt's half-built schema on the target, marked as that attempt's
        execute(
                dst(),
                "ls_rerun",
                "comment on database ls_rerun is 'ferry-copy mig-ls/sync:shop-db in-progress'",
                "create table customers (id bigint)");

        StepOutcome first = run(copy.ensure(sync(sourceUrl)));
        StepOutcome second = run(copy.ensure(sync(sourceUrl)));

        assertThat(first.outputs()).containsEntry("resumed", "false");
        assertThat(second.outputs()).containsEntry("resumed", "true").containsEntry("tables", "4");
        assertThat(column(src(), "ls_rerun", "select tablename from pg_publication_tables order by 1"))
                .containsExactly("customers", "orders", "readings", "tags");
        execute(src(), "ls_rerun", "insert into tags values ('late', 1)", "select nextval('invoice_numbers')");

        // a crash in the catch-up right after the subscription was dropped
        awaitRow("ls_rerun", "select count(*) from tags where name = 'late'");
        execute(dst(), "ls_rerun", "drop subscription " + names.subscription());
        StepOutcome finished = run(catchUp.ensure(catchup(sourceUrl)));

        assertThat(finished.outputs()).containsEntry("subscriptionDropped", "false");
        assertSameData("ls_rerun");
        assertNoReplicationLeft("ls_rerun");
        assertThat(run(verify.ensure(context("verify:shop-db", "verify-postgres", null, sourceUrl)))
                        .summary())
                .contains("matches");
    }

    private static void awaitRow(String db, String count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"1".equals(single(dst(), db, count))) {
            assertThat(System.nanoTime()).as("replicated within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aSourceWithoutLogicalWalIsRefusedAndNothingIsCreatedOnEitherSide() {
        handle = "shop-classic";
        String classic = TestPostgres.freshDatabase("ls_classic");
        TestPostgres.execute("ls_classic", "create table t (id int primary key)");
        targets.put(handle, LogicalClusters.targetDatabase("ls_classic"));

        assertThatThrownBy(() -> run(copy.ensure(sync(classic))))
                .isInstanceOfSatisfying(
                        StepException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("wal_level=replica")
                .hasMessageContaining("wal_level=logical")
                .hasMessageNotContaining(TestPostgres.PASSWORD);
        assertThat(run(copy.dryRun(sync(classic)))).singleElement().asString().contains("wal_level");
        assertThat(TestPostgres.single("ls_classic", "select count(*) from pg_publication"))
                .isEqualTo("0");
        assertThat(single(dst(), "ls_classic", "select count(*) from pg_tables where schemaname = 'public'"))
                .isEqualTo("0");
        assertThat(single(dst(), "ls_classic", "select count(*) from pg_subscription" + HERE))
                .isEqualTo("0");
    }

    @Test
    void aTargetHoldingTheSourcesTablesWithoutThisStepsMarkIsRefusedAndNothingIsCreatedOrDropped() {
        handle = "shop-unmarked";
        String sourceUrl = source("ls_unmarked");
        targets.put(handle, LogicalClusters.targetDatabase("ls_unmarked"));
        // someone else's database with the same schema, or another migration's finished sync
        execute(
                dst(),
                "ls_unmarked",
                "create table customers (id bigint primary key, email text not null, name text not null,"
                        + " profile jsonb)",
                "insert into customers values (1, 'live@example.com', 'live', null)",
                "comment on database ls_unmarked is 'ferry-copy mig-other/sync:shop-db completed'");

        assertThatThrownBy(() -> run(copy.ensure(sync(sourceUrl))))
                .isInstanceOfSatisfying(
                        StepException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("already holds data that this migration did not write (tables public.customers")
                .hasMessageContaining("marked 'ferry-copy mig-other/sync:shop-db completed'")
                .hasMessageNotContaining(TestPostgres.PASSWORD);
        assertThat(run(copy.dryRun(sync(sourceUrl)))).anyMatch(p -> p.contains("did not write"));

        assertThat(single(dst(), "ls_unmarked", "select email from customers")).isEqualTo("live@example.com");
        assertThat(column(src(), "ls_unmarked", "select pubname from pg_publication"))
                .isEmpty();
        assertThat(single(dst(), "ls_unmarked", "select count(*) from pg_subscription" + HERE))
                .isEqualTo("0");
        assertThat(single(
                        dst(),
                        "ls_unmarked",
                        "select shobj_description(oid, 'pg_database') from pg_database where datname = 'ls_unmarked'"))
                .isEqualTo("ferry-copy mig-other/sync:shop-db completed");
    }

    @Test
    void aTableWithoutPrimaryKeyOrAnUnloggedTableIsRefusedBeforeAnythingIsCreated() {
        handle = "shop-nopk";
        String sourceUrl = source("ls_nopk");
        execute(
                src(),
                "ls_nopk",
                "create table audit (at timestamptz, message text)",
                "create unlogged table scratch (id int primary key)");
        targets.put(handle, LogicalClusters.targetDatabase("ls_nopk"));

        assertThatThrownBy(() -> run(copy.ensure(sync(sourceUrl))))
                .isInstanceOfSatisfying(
                        StepException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("primary key")
                .hasMessageContaining("public.audit")
                .hasMessageContaining("unlogged tables: [public.scratch]")
                .hasMessageNotContaining("public.tags");
        assertThat(column(src(), "ls_nopk", "select pubname from pg_publication"))
                .isEmpty();
        assertThat(single(dst(), "ls_nopk", "select count(*) from pg_tables where schemaname = 'public'"))
                .isEqualTo("0");
    }

    @Test
    void compensationLeavesNoPublicationSubscriptionOrSlotAndCanRunTwice() {
        handle = "shop-undo";
        String sourceUrl = source("ls_undo");
        targets.put(handle, LogicalClusters.targetDatabase("ls_undo"));
        run(copy.ensure(sync(sourceUrl)));
        assertThat(column(src(), "postgres", "select slot_name from pg_replication_slots"))
                .contains(Replication.Names.of(handle).slot());

        StepOutcome undone = run(copy.compensate(sync(sourceUrl)));
        StepOutcome again = run(copy.compensate(sync(sourceUrl)));

        assertThat(undone.summary()).contains("dropped the subscription", "dropped the publication");
        assertThat(again.summary()).startsWith("No replication objects left");
        assertNoReplicationLeft("ls_undo");
        // a catch-up without the sync's subscription but with its tables only sets sequences; without tables it refuses
        targets.put(handle, LogicalClusters.targetDatabase("ls_undo_empty"));
        assertThatThrownBy(() -> run(catchUp.ensure(catchup(sourceUrl))))
                .isInstanceOfSatisfying(
                        StepException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("has not run");
    }
}

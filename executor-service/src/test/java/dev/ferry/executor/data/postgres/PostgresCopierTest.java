package dev.ferry.executor.data.postgres;

import static dev.ferry.executor.data.postgres.TestPostgres.execute;
import static dev.ferry.executor.data.postgres.TestPostgres.freshDatabase;
import static dev.ferry.executor.data.postgres.TestPostgres.query;
import static dev.ferry.executor.data.postgres.TestPostgres.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy and the verification against a real PostgreSQL server, two databases at a time. */
class PostgresCopierTest {
    private static final int READINGS = 150_000;
    /** Small enough that readings (about 13 MB) is split into ranges. */
    private static final CopyOptions OPTIONS =
            CopyOptions.defaults(3).withSplitTableBytes(2L << 20).withProgressEvery(Duration.ZERO);

    /** The migration step every copy here belongs to, unless a test says otherwise. */
    private static final CopyOwner OWNER = new CopyOwner("mig-copy", "data:copy-postgres");

    private static String source;
    private final PostgresCopier copier = new PostgresCopier(new PgTools(Optional.empty()));
    private final PostgresVerifier verifier = new PostgresVerifier();

    @BeforeAll
    static void source() {
        source = TestPostgres.source("copy_src", READINGS);
    }

    @Test
    void copiesSchemaDataIndexesConstraintsAndSequencesAndTheVerificationAgrees() {
        String target = freshDatabase("copy_dst");
        List<CopyProgress> progress = new CopyOnWriteArrayList<>();

        CopyReport report = copier.copy(source, target, OWNER, OPTIONS, progress::add);

        assertThat(report.tables()).isEqualTo(4);
        assertThat(report.ranges()).as("readings split into ranges").isGreaterThan(4);
        assertThat(report.recreated()).isFalse();
        long expectedRows = 2000 + 5000 + 1000 + READINGS - READINGS / 10;
        assertThat(report.rows()).isEqualTo(expectedRows);
        for (String table : List.of("customers", "orders", "audit", "readings")) {
            assertThat(single("copy_dst", "select count(*) from " + table))
                    .as(table)
                    .isEqualTo(single("copy_src", "select count(*) from " + table));
        }
        assertThat(query("copy_dst", "select email, name, mood, tags from customers where id = 7"))
                .isEqualTo(query("copy_src", "select email, name, mood, tags from customers where id = 7"));
        assertThat(single("copy_dst", "select count(*) from customers where email = 'user7@example.com'"))
                .as("citext still compares case-insensitively")
                .isEqualTo("1");
        assertThat(single(
                        "copy_dst",
                        "select md5(string_agg(receipt::text || details::text, ',' order by id)) from orders"))
                .isEqualTo(single(
                        "copy_src",
                        "select md5(string_agg(receipt::text || details::text, ',' order by id)) from orders"));
        assertThat(single("copy_dst", "select count(*) from pg_indexes where schemaname = 'public'"))
                .isEqualTo(single("copy_src", "select count(*) from pg_indexes where schemaname = 'public'"));
        assertThat(single("copy_dst", "select count(*) from pg_constraint where contype = 'f' and convalidated"))
                .isEqualTo("1");
        assertThat(single("copy_dst", "select count(*) from pg_trigger where tgname = 'customers_touch'"))
                .isEqualTo("1");
        assertThat(single("copy_dst", "select nextval('invoice_numbers')"))
                .as("the sequence continues after the copied values")
                .isEqualTo(Long.toString(1000 + 5000));
        assertThat(single("copy_dst", "select last_value from customers_id_seq"))
                .isEqualTo("2000");
        assertThat(single("copy_dst", "select count(*) from pg_extension where extname = 'citext'"))
                .isEqualTo("1");
        execute("copy_dst", "select setval('invoice_numbers', 5999)"); // undo the nextval above

        assertThat(progress).isNotEmpty();
        assertThat(progress).extracting(CopyProgress::phase).contains("schema", "data", "indexes", "done");
        CopyProgress last = progress.get(progress.size() - 1);
        assertThat(last.tablesDone()).isEqualTo(4);
        assertThat(last.tablesTotal()).isEqualTo(4);
        assertThat(last.bytesDone()).isEqualTo(report.bytes()).isPositive();
        assertThat(progress).anyMatch(p -> p.phase().equals("data") && p.etaSeconds() != null);

        VerifyReport verified = verifier.verify(source, target, OPTIONS);
        assertThat(verified.differences()).isEmpty();
        assertThat(verified.rows()).isEqualTo(expectedRows);
        assertThat(verified.tables()).allMatch(VerifyReport.TableCheck::matches);
    }

    @Test
    void aChangedRowAMissingRowAndAMissingIndexFailTheVerificationNamingThem() {
        String target = freshDatabase("copy_bad");
        copier.copy(source, target, OWNER, OPTIONS, CopyProgress.Listener.NONE);
        assertThat(verifier.verify(source, target, OPTIONS).ok()).isTrue();

        execute(
                "copy_bad",
                "update orders set details = details || '{\"tampered\": true}' where id = 4242",
                "delete from audit where ctid = (select min(ctid) from audit)",
                "drop index orders_details");
        VerifyReport report = verifier.verify(source, target, OPTIONS);

        assertThat(report.ok()).isFalse();
        assertThat(report.differences())
                .anyMatch(d -> d.contains("public.orders") && d.contains("different contents"))
                .anyMatch(d -> d.contains("public.audit") && d.contains("1000 rows on the source, 999 on the target"))
                .anyMatch(d ->
                        d.contains("index") && d.contains("orders_details") && d.contains("missing on the target"));
        assertThat(report.differences()).noneMatch(d -> d.contains("readings") || d.contains("customers"));
    }

    @Test
    void aSourceConnectionKilledMidCopyIsARetryableErrorAndTheRerunRecreatesTheTarget() {
        String target = freshDatabase("copy_kill");
        AtomicBoolean killed = new AtomicBoolean();
        CopyProgress.Listener killer = p -> {
            if (p.phase().equals("data") && p.bytesDone() > 0 && killed.compareAndSet(false, true)) {
                execute(
                        "postgres",
                        "select pg_terminate_backend(pid) from pg_stat_activity where datname = 'copy_src'"
                                + " and application_name = 'ferry-copy'");
            }
        };

        assertThatThrownBy(() -> copier.copy(source, target, OWNER, OPTIONS, killer))
                .isInstanceOfSatisfying(
                        DataCopyException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("Lost the connection to the source database")
                .hasMessageNotContaining(TestPostgres.PASSWORD);
        assertThat(killed).isTrue();
        assertThat(Integer.parseInt(single("copy_kill", "select count(*) from pg_tables where schemaname = 'public'")))
                .as("the failed attempt left a partial schema behind")
                .isPositive();
        assertThat(mark("copy_kill")).isEqualTo("ferry-copy mig-copy/data:copy-postgres in-progress");

        CopyReport rerun = copier.copy(source, target, OWNER, OPTIONS, CopyProgress.Listener.NONE);

        assertThat(rerun.recreated()).isTrue();
        assertThat(verifier.verify(source, target, OPTIONS).differences()).isEmpty();
    }

    /** A crash after the copy finished but before the step's success was recorded runs the same step again. */
    @Test
    void copyingTwiceIsSafeAndEndsEqual() {
        String target = freshDatabase("copy_twice");
        copier.copy(source, target, OWNER, OPTIONS, CopyProgress.Listener.NONE);
        assertThat(mark("copy_twice")).isEqualTo("ferry-copy mig-copy/data:copy-postgres completed");
        execute("copy_twice", "delete from readings where id < 1000"); // a later partial state

        CopyReport second = copier.copy(source, target, OWNER, OPTIONS, CopyProgress.Listener.NONE);

        assertThat(second.recreated()).isTrue();
        assertThat(verifier.verify(source, target, OPTIONS).differences()).isEmpty();
        assertThat(mark("copy_twice")).isEqualTo("ferry-copy mig-copy/data:copy-postgres completed");
    }

    @Test
    void theSameMigrationStepRecopiesOverItsOwnUnfinishedCopy() {
        String target = freshDatabase("copy_resume");
        execute(
                "copy_resume",
                "comment on database copy_resume is 'ferry-copy mig-copy/data:copy-postgres in-progress'",
                "create table customers (id bigint)", // an earlier attempt's half-built schema
                "insert into customers values (1)");

        CopyReport rerun = copier.copy(source, target, OWNER, OPTIONS, CopyProgress.Listener.NONE);

        assertThat(rerun.recreated()).isTrue();
        assertThat(verifier.verify(source, target, OPTIONS).differences()).isEmpty();
        assertThat(mark("copy_resume")).isEqualTo("ferry-copy mig-copy/data:copy-postgres completed");
    }

    @Test
    void aTargetWithTheSourcesSchemaButNoMarkIsRefusedAndLeftUntouched() {
        String target = freshDatabase("copy_unmarked");
        copier.copy(source, target, OWNER, OPTIONS, CopyProgress.Listener.NONE);
        // someone else's database with the same schema: a restore by hand, the app's live database
        execute(
                "copy_unmarked",
                "comment on database copy_unmarked is null",
                "insert into audit values (now(), 'live')");
        List<String> before = rowCounts("copy_unmarked");

        assertThatThrownBy(() -> copier.copy(source, target, OWNER, OPTIONS, CopyProgress.Listener.NONE))
                .isInstanceOfSatisfying(
                        DataCopyException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("The target 127.0.0.1:")
                .hasMessageContaining("already holds data that this migration did not write")
                .hasMessageContaining("public.audit, public.customers, public.orders, public.readings")
                .hasMessageContaining("it carries no Ferry copy mark")
                .hasMessageContaining("Ferry copies only into an empty database or over its own partial copy")
                .hasMessageNotContaining(TestPostgres.PASSWORD);

        assertThat(rowCounts("copy_unmarked")).isEqualTo(before);
        assertThat(single("copy_unmarked", "select count(*) from audit where message = 'live'"))
                .isEqualTo("1");
        assertThat(mark("copy_unmarked")).isNull();
        assertThat(copier.preflight(source, target, OWNER))
                .singleElement()
                .asString()
                .contains("did not write");
    }

    @Test
    void aTargetAnotherMigrationCopiedIsRefusedAndLeftUntouched() {
        String target = freshDatabase("copy_taken");
        copier.copy(source, target, OWNER, OPTIONS, CopyProgress.Listener.NONE);
        execute("copy_taken", "insert into audit values (now(), 'written after the cutover')");
        List<String> before = rowCounts("copy_taken");
        CopyOwner laterPlan = new CopyOwner("mig-later", "data:copy-postgres");

        assertThatThrownBy(() -> copier.copy(source, target, laterPlan, OPTIONS, CopyProgress.Listener.NONE))
                .isInstanceOfSatisfying(
                        DataCopyException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("already holds data that this migration did not write")
                .hasMessageContaining("marked 'ferry-copy mig-copy/data:copy-postgres completed'");

        assertThat(rowCounts("copy_taken")).isEqualTo(before);
        assertThat(mark("copy_taken")).isEqualTo("ferry-copy mig-copy/data:copy-postgres completed");
        assertThat(copier.preflight(source, target, laterPlan)).anyMatch(p -> p.contains("did not write"));
        assertThat(copier.preflight(source, target, OWNER)).isEmpty();
    }

    @Test
    void aCopyIntoATargetAnotherCopyIsWritingIsRefusedRetryablyBeforeAnythingIsWritten() throws SQLException {
        String target = freshDatabase("copy_busy");
        try (Connection other = TestPostgres.connect("copy_busy");
                Statement s = other.createStatement()) {
            s.execute("select pg_advisory_lock(hashtext('ferry-copy'))"); // as a copy still running would

            assertThatThrownBy(() -> copier.copy(source, target, OWNER, OPTIONS, CopyProgress.Listener.NONE))
                    .isInstanceOfSatisfying(
                            DataCopyException.class,
                            e -> assertThat(e.retryable()).isTrue())
                    .hasMessageContaining("Another Ferry copy into 127.0.0.1:")
                    .hasMessageContaining("is still running");
        }
        assertThat(single("copy_busy", "select count(*) from pg_tables where schemaname = 'public'"))
                .isEqualTo("0");
        assertThat(mark("copy_busy")).isNull();
    }

    @Test
    void aTargetHoldingSomeoneElsesTablesIsRefusedAndLeftAlone() {
        String target = freshDatabase("copy_other");
        execute("copy_other", "create table invoices (id int)", "insert into invoices values (1)");

        assertThatThrownBy(() -> copier.copy(source, target, OWNER, OPTIONS, CopyProgress.Listener.NONE))
                .isInstanceOfSatisfying(
                        DataCopyException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("did not write")
                .hasMessageContaining("public.invoices");
        assertThat(single("copy_other", "select count(*) from invoices")).isEqualTo("1");
        assertThat(copier.preflight(source, target, OWNER)).anyMatch(p -> p.contains("public.invoices"));
        assertThat(copier.preflight(source, freshDatabase("copy_empty"), OWNER)).isEmpty();
    }

    @Test
    void aPgDumpOlderThanTheSourceServerIsRefusedBeforeAnythingIsWritten(@TempDir Path bin) throws IOException {
        Path fake = bin.resolve("pg_dump");
        Files.writeString(fake, "#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        String target = freshDatabase("copy_old_tools");

        assertThatThrownBy(() -> new PostgresCopier(new PgTools(Optional.of(bin)))
                        .copy(source, target, OWNER, OPTIONS, CopyProgress.Listener.NONE))
                .isInstanceOfSatisfying(
                        DataCopyException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("pg_dump 9 ")
                .hasMessageContaining("cannot dump a PostgreSQL 14 server");
        assertThat(single("copy_old_tools", "select count(*) from pg_tables where schemaname = 'public'"))
                .isEqualTo("0");
    }

    /** The target database's comment: the copy's mark. */
    private static String mark(String database) {
        return single(
                database,
                "select shobj_description(oid, 'pg_database') from pg_database where datname = '" + database + "'");
    }

    private static List<String> rowCounts(String database) {
        return List.of("customers", "orders", "audit", "readings").stream()
                .map(table -> table + "=" + single(database, "select count(*) from " + table))
                .toList();
    }

    @Test
    void theMachinesPgDumpCanReadTheTestServer() {
        int server = Integer.parseInt(single("copy_src", "select current_setting('server_version_num')"));
        assertThat(new PgTools(Optional.empty()).pgDumpMajor()).isGreaterThanOrEqualTo(server / 10000);
    }
}

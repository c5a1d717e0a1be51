package dev.ferry.executor.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsOnTopLevelSemicolonsOnly() {
        String script = """
                \\restrict abc123
                -- a comment; with a semicolon
                SET statement_timeout = 0;
                CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $_$ select 'a;b' $_$;
                /* block; comment */ CREATE TABLE "we;ird" (v text DEFAULT 'it''s; fine');
                COMMENT ON TABLE t IS E'back\\'; slash';
                CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $$ begin return 1; end $$;
                \\unrestrict abc123
                """;

        List<String> statements = SqlScript.statements(script);

        assertThat(statements)
                .containsExactly(
                        "SET statement_timeout = 0",
                        "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $_$ select 'a;b' $_$",
                        "CREATE TABLE \"we;ird\" (v text DEFAULT 'it''s; fine')",
                        "COMMENT ON TABLE t IS E'back\\'; slash'",
                        "CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql AS $$ begin return 1; end $$");
    }

    @Test
    void postDataIsSortedIntoParallelPhasesAndKeysBecomeIndexesFirst() {
        List<String> statements = List.of(
                "SET statement_timeout = 0",
                "SELECT pg_catalog.set_config('search_path', '', false)",
                "ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id)",
                "ALTER TABLE ONLY public.customers ADD CONSTRAINT customers_email_key UNIQUE (email)",
                "ALTER TABLE ONLY public.measure ADD CONSTRAINT measure_pkey PRIMARY KEY (id, at)",
                "ALTER TABLE ONLY public.slots ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&)",
                "ALTER TABLE ONLY public.d ADD CONSTRAINT d_pkey PRIMARY KEY (id) DEFERRABLE",
                "CREATE INDEX orders_customer ON public.orders USING btree (customer_id) WHERE (total > (0)::numeric)",
                "CREATE INDEX measure_at ON ONLY public.measure USING btree (at)",
                "ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id)"
                        + " REFERENCES public.customers(id)",
                "CREATE TRIGGER t BEFORE UPDATE ON public.customers FOR EACH ROW EXECUTE FUNCTION public.touch()");

        PostDataPlan plan = PostDataPlan.of(statements, Set.of("public.measure"));

        assertThat(plan.session()).hasSize(2);
        assertThat(plan.indexes())
                .containsExactly(
                        "CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (id)",
                        "CREATE UNIQUE INDEX customers_email_key ON public.customers USING btree (email)",
                        "CREATE INDEX orders_customer ON public.orders USING btree (customer_id) WHERE (total > (0)::numeric)");
        assertThat(plan.constraints().get("public.orders"))
                .containsExactly(
                        "ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_pkey");
        assertThat(plan.constraints().get("public.measure"))
                .as("a partitioned table's key is added as dumped")
                .containsExactly("ALTER TABLE ONLY public.measure ADD CONSTRAINT measure_pkey PRIMARY KEY (id, at)");
        assertThat(plan.constraints().get("public.d"))
                .singleElement()
                .asString()
                .endsWith("DEFERRABLE");
        assertThat(plan.constraints().get("public.slots"))
                .singleElement()
                .asString()
                .contains("EXCLUDE");
        assertThat(plan.foreignKeys()).containsOnlyKeys("public.orders");
        assertThat(plan.rest())
                .containsExactly(
                        "CREATE INDEX measure_at ON ONLY public.measure USING btree (at)",
                        "CREATE TRIGGER t BEFORE UPDATE ON public.customers FOR EACH ROW EXECUTE FUNCTION public.touch()");
        assertThat(plan.size()).isEqualTo(statements.size() - 2 + 2);
    }

    @Test
    void readsHerokuAndJdbcUrlsAndKeepsThePasswordOutOfDescriptions() {
        PgEndpoint heroku = PgEndpoint.parse("postgres://u1:p%40ss@db.example.com:5433/d1?sslmode=require");
        assertThat(heroku.host()).isEqualTo("db.example.com");
        assertThat(heroku.port()).isEqualTo(5433);
        assertThat(heroku.database()).isEqualTo("d1");
        assertThat(heroku.user()).isEqualTo("u1");
        assertThat(heroku.password()).isEqualTo("p@ss");
        assertThat(heroku.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/d1?sslmode=require");
        assertThat(heroku.libpqEnvironment())
                .containsEntry("PGPASSWORD", "p@ss")
                .containsEntry("PGSSLMODE", "require");
        assertThat(heroku.describe() + heroku).doesNotContain("p@ss");

        PgEndpoint jdbc = PgEndpoint.parse("jdbc:postgresql://localhost/app?user=a&password=b");
        assertThat(jdbc.port()).isEqualTo(5432);
        assertThat(jdbc.user()).isEqualTo("a");
        assertThat(jdbc.password()).isEqualTo("b");
        assertThat(jdbc.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app");
    }
}

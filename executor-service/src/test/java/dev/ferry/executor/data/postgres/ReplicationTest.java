package dev.ferry.executor.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Replication object names and the subscription's connection string, without a server. */
class ReplicationTest {

    @Test
    void namesAreStableLegalIdentifiersThatTellSimilarHandlesApart() {
        Replication.Names names = Replication.Names.of("shop-db.prod");
        String longHandle = "a".repeat(120);

        assertThat(Replication.Names.of("shop-db.prod")).isEqualTo(names);
        assertThat(names.subscription()).startsWith("ferry_shop_db_prod_").matches("[a-z0-9_]+");
        assertThat(names.publication()).isEqualTo(names.subscription());
        assertThat(Replication.Names.of("a-b").slot())
                .isNotEqualTo(Replication.Names.of("a_b").slot());
        assertThat(Replication.Names.of(longHandle).slot()).hasSizeLessThanOrEqualTo(63);
        assertThat(Replication.Names.of(longHandle + "x").slot())
                .isNotEqualTo(Replication.Names.of(longHandle).slot());
    }

    @Test
    void conninfoQuotesEveryValueAndKeepsSslMode() {
        PgEndpoint source = PgEndpoint.parse("postgres://u%27s:p%27w%5Cd@db.example.com:5433/d1?sslmode=require");

        String conninfo = Replication.conninfo(source);

        assertThat(conninfo)
                .isEqualTo("host='db.example.com' port=5433 dbname='d1' user='u\\'s' password='p\\'w\\\\d'"
                        + " sslmode='require'");
        assertThat(Replication.literal(conninfo)).startsWith("'host=''db.example.com''");
    }
}

package dev.ferry.inventory.repository;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testkit.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Of several instances asking at once exactly one holds a lease; it is free again once its term runs out. */
class LeasesTest {
    private static LocalPostgres postgres;
    private static Leases leases;

    @BeforeAll
    static void start() throws Exception {
        postgres = LocalPostgres.start(Files.createTempDirectory("ferry-leases"));
        postgres.createDatabase("lease");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl("lease"));
        dataSource.setUser(LocalPostgres.USER);
        dataSource.setPassword(LocalPostgres.PASSWORD);
        try (Connection connection = dataSource.getConnection();
                Statement ddl = connection.createStatement()) {
            ddl.execute(Files.readString(Path.of("src/main/resources/db/migration/V21__lease.sql")));
        }
        leases = new Leases(dataSource);
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void oneOfSeveralInstancesTakesALease() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Optional<Integer>>> instances = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String holder = "instance-" + i;
                instances.add(() -> leases.claim("race", holder, Duration.ofSeconds(60)));
            }
            long taken = 0;
            for (Future<Optional<Integer>> result : pool.invokeAll(instances)) {
                taken += result.get().isPresent() ? 1 : 0;
            }
            assertThat(taken).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(leases.claim("race", "latecomer", Duration.ofSeconds(60))).isEmpty();
    }

    @Test
    void anExpiredLeaseIsTakenOverAndCounted() throws Exception {
        assertThat(leases.claim("short", "a", Duration.ofMillis(300))).contains(0);
        assertThat(leases.claim("short", "b", Duration.ofMillis(300))).isEmpty();
        Thread.sleep(600);
        assertThat(leases.claim("short", "b", Duration.ofMillis(300))).contains(1);
        Thread.sleep(600);
        assertThat(leases.claim("short", "c", Duration.ofSeconds(60))).contains(2);
        assertThat(leases.claim("short", "a", Duration.ofSeconds(60))).isEmpty();
    }

    @Test
    void onlyTheHolderRenewsOrReleases() throws Exception {
        assertThat(leases.claim("held", "a", Duration.ofMillis(500))).isPresent();
        assertThat(leases.renew("held", "b", Duration.ofSeconds(60))).isFalse();
        assertThat(leases.renew("held", "a", Duration.ofSeconds(60))).isTrue();
        Thread.sleep(700);
        // Renewed past its first term: still held.
        assertThat(leases.claim("held", "b", Duration.ofSeconds(60))).isEmpty();
        leases.release("held", "b");
        assertThat(leases.claim("held", "b", Duration.ofSeconds(60))).isEmpty();
        leases.release("held", "a");
        assertThat(leases.claim("held", "b", Duration.ofSeconds(60))).contains(0);
    }

    @Test
    void onlyLongExpiredLeasesOfAKindArePurged() throws Exception {
        assertThat(leases.claim("discovery:old", "a", Duration.ofMillis(10))).isPresent();
        assertThat(leases.claim("discovery:live", "a", Duration.ofSeconds(60))).isPresent();
        assertThat(leases.claim("other:old", "a", Duration.ofMillis(10))).isPresent();
        Thread.sleep(300);
        assertThat(leases.purge("discovery:", Duration.ofMillis(100))).isEqualTo(1);
        assertThat(leases.claim("discovery:old", "b", Duration.ofSeconds(60))).contains(0);
        assertThat(leases.claim("discovery:live", "b", Duration.ofSeconds(60))).isEmpty();
        assertThat(leases.claim("other:old", "b", Duration.ofSeconds(60))).contains(1);
    }
}

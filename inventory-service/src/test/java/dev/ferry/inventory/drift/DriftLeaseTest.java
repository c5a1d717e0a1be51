package dev.ferry.inventory.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testkit.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Of several instances ticking at once, exactly one takes the re-scan; the next term frees it again. */
class DriftLeaseTest {
    private static LocalPostgres postgres;
    private static DriftLease lease;

    @BeforeAll
    static void start() throws Exception {
        postgres = LocalPostgres.start(Files.createTempDirectory("ferry-drift-lease"));
        postgres.createDatabase("lease");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl("lease"));
        dataSource.setUser(LocalPostgres.USER);
        dataSource.setPassword(LocalPostgres.PASSWORD);
        try (Connection connection = dataSource.getConnection();
                Statement ddl = connection.createStatement()) {
            ddl.execute(Files.readString(Path.of("src/main/resources/db/migration/V21__drift_lease.sql")));
        }
        lease = new DriftLease(dataSource);
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void oneOfSeveralInstancesTakesEachTerm() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> instances = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String holder = "instance-" + i;
                instances.add(() -> lease.claim("race", holder, Duration.ofSeconds(60)));
            }
            long taken = 0;
            for (Future<Boolean> result : pool.invokeAll(instances)) {
                taken += result.get() ? 1 : 0;
            }
            assertThat(taken).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(lease.claim("race", "latecomer", Duration.ofSeconds(60))).isFalse();
    }

    @Test
    void anExpiredTermCanBeTakenByAnotherInstance() throws Exception {
        assertThat(lease.claim("short", "a", Duration.ofMillis(300))).isTrue();
        assertThat(lease.claim("short", "b", Duration.ofMillis(300))).isFalse();
        Thread.sleep(600);
        assertThat(lease.claim("short", "b", Duration.ofSeconds(60))).isTrue();
        assertThat(lease.claim("short", "a", Duration.ofSeconds(60))).isFalse();
    }

    @Test
    void theTermIsMostOfTheInterval() {
        assertThat(DriftScanner.term("6h")).isEqualTo(Duration.ofMinutes(324));
        assertThat(DriftScanner.term("PT30M")).isEqualTo(Duration.ofMinutes(27));
        assertThat(DriftScanner.term("10s")).isEqualTo(Duration.ofSeconds(9));
        assertThat(DriftScanner.term("1d")).isEqualTo(Duration.ofHours(21).plusMinutes(36));
    }
}

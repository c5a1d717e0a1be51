package dev.ferry.inventory.drift;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Lets only one of several inventory instances run each scheduled re-scan: every tick tries to take
 * a lease row in one atomic statement, and the database's clock decides whose term has run out.
 */
@ApplicationScoped
public class DriftLease {
    static final String JOB = "drift-rescan";
    private static final String CLAIM = """
            insert into drift_lease (name, holder, expires_at)
            values (?, ?, now() + make_interval(secs => ?))
            on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
            where drift_lease.expires_at <= now()
            returning holder
            """;

    private final DataSource dataSource;

    public DriftLease(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the lease of {@code job} for {@code term} when nobody holds it; true if taken. Blocking. */
    public boolean claim(String job, String holder, Duration term) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setString(1, job);
            claim.setString(2, holder);
            claim.setDouble(3, term.toMillis() / 1000.0);
            try (ResultSet taken = claim.executeQuery()) {
                return taken.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the " + job + " lease: " + e.getMessage(), e);
        }
    }
}

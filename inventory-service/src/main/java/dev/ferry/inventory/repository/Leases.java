package dev.ferry.inventory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Lets one of several inventory instances own a piece of work: each lease is a row taken in one
 * atomic statement, renewed by its holder, and free again once its term runs out; the database's
 * clock decides. Blocking (JDBC): call it from a worker thread.
 */
@ApplicationScoped
public class Leases {
    /** This instance, as the leases record it. */
    public static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    private static final String CLAIM = """
            insert into lease (name, holder, expires_at)
            values (?, ?, now() + make_interval(secs => ?))
            on conflict (name) do update
               set holder = excluded.holder, expires_at = excluded.expires_at, takeovers = lease.takeovers + 1
             where lease.expires_at <= now()
            returning takeovers
            """;
    private static final String RENEW =
            "update lease set expires_at = now() + make_interval(secs => ?) where name = ? and holder = ?";
    private static final String RELEASE = "delete from lease where name = ? and holder = ?";
    private static final String PURGE =
            "delete from lease where name like ? and expires_at < now() - make_interval(secs => ?)";

    private final DataSource dataSource;

    public Leases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Takes the lease for {@code term} when nobody holds it; empty when someone does, else how many
     * times it was taken over from a holder whose term ran out (0 for a new lease).
     */
    public Optional<Integer> claim(String name, String holder, Duration term) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setString(1, name);
            claim.setString(2, holder);
            claim.setDouble(3, seconds(term));
            try (ResultSet taken = claim.executeQuery()) {
                return taken.next() ? Optional.of(taken.getInt(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the lease " + name + ": " + e.getMessage(), e);
        }
    }

    /** Extends the holder's term; false when the lease is no longer theirs. */
    public boolean renew(String name, String holder, Duration term) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement renew = connection.prepareStatement(RENEW)) {
            renew.setDouble(1, seconds(term));
            renew.setString(2, name);
            renew.setString(3, holder);
            return renew.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot renew the lease " + name + ": " + e.getMessage(), e);
        }
    }

    /** Gives the lease up, if the holder still has it. */
    public void release(String name, String holder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement release = connection.prepareStatement(RELEASE)) {
            release.setString(1, name);
            release.setString(2, holder);
            release.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot release the lease " + name + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the leases named {@code prefix...} that ran out more than {@code ago} ago; answers how many. */
    public int purge(String prefix, Duration ago) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement purge = connection.prepareStatement(PURGE)) {
            purge.setString(1, prefix + "%");
            purge.setDouble(2, seconds(ago));
            return purge.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot purge the leases " + prefix + "*: " + e.getMessage(), e);
        }
    }

    private static double seconds(Duration term) {
        return term.toMillis() / 1000.0;
    }
}

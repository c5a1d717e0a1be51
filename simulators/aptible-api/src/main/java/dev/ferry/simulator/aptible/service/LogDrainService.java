package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.domain.LogDrain;
import dev.ferry.simulator.aptible.domain.ProvisionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Log drains of accounts: validated creates and look-ups. */
@ApplicationScoped
public class LogDrainService {

    public static final Set<String> TYPES = Set.of(
            "syslog_tls_tcp",
            "elasticsearch_database",
            "https_post",
            "sumologic",
            "logdna",
            "datadog",
            "papertrail",
            "solarwinds");

    private final Store store;
    private final AccountService accounts;
    private final Clock clock;

    public LogDrainService(Store store, AccountService accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** What {@code POST /accounts/{id}/log_drains} accepts. */
    public record NewLogDrain(
            String handle,
            String drainType,
            String drainHost,
            String drainPort,
            String url,
            String loggingToken,
            String drainUsername,
            Boolean drainApps,
            Boolean drainDatabases,
            Boolean drainEphemeralSessions,
            Boolean drainProxies) {}

    public LogDrain create(long accountId, NewLogDrain r) {
        accounts.get(accountId);
        String handle = Handles.require(r.handle());
        if (r.drainType() == null || r.drainType().isBlank()) {
            throw ApiException.unprocessable("Drain type can't be blank");
        }
        if (!TYPES.contains(r.drainType())) {
            throw ApiException.unprocessable("Drain type is not included in the list");
        }
        boolean urlBased =
                Set.of("https_post", "sumologic", "logdna", "datadog").contains(r.drainType());
        if (urlBased && (r.url() == null || !r.url().startsWith("https://"))) {
            throw ApiException.unprocessable("Url must be an https:// URL for a " + r.drainType() + " drain");
        }
        boolean hostBased = Set.of("syslog_tls_tcp", "papertrail").contains(r.drainType());
        if (hostBased && (r.drainHost() == null || r.drainHost().isBlank() || r.drainPort() == null)) {
            throw ApiException.unprocessable(
                    "Drain host and drain port can't be blank for a " + r.drainType() + " drain");
        }
        return store.write(() -> {
            if (store.logDrains().stream()
                    .anyMatch(d -> !d.deleted() && d.handle().equals(handle))) {
                throw Handles.taken();
            }
            Instant now = clock.instant();
            return store.save(new LogDrain(
                    store.nextId(),
                    accountId,
                    handle,
                    r.drainType(),
                    r.drainHost(),
                    r.drainPort(),
                    r.url(),
                    r.loggingToken(),
                    r.drainUsername(),
                    r.drainApps() == null || r.drainApps(),
                    r.drainDatabases() == null || r.drainDatabases(),
                    Boolean.TRUE.equals(r.drainEphemeralSessions()),
                    Boolean.TRUE.equals(r.drainProxies()),
                    ProvisionStatus.PENDING,
                    false,
                    now,
                    now));
        });
    }

    public LogDrain get(long id) {
        return store.logDrain(id).filter(d -> !d.deleted()).orElseThrow(() -> ApiException.notFound("LogDrain", id));
    }

    public List<LogDrain> inAccount(long accountId) {
        accounts.get(accountId);
        return store.logDrains().stream()
                .filter(d -> !d.deleted() && d.accountId() == accountId)
                .toList();
    }
}

package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.domain.Account;
import dev.ferry.simulator.aptible.domain.App;
import dev.ferry.simulator.aptible.domain.Backup;
import dev.ferry.simulator.aptible.domain.Certificate;
import dev.ferry.simulator.aptible.domain.Configuration;
import dev.ferry.simulator.aptible.domain.Database;
import dev.ferry.simulator.aptible.domain.LogDrain;
import dev.ferry.simulator.aptible.domain.Operation;
import dev.ferry.simulator.aptible.domain.Service;
import dev.ferry.simulator.aptible.domain.Vhost;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Holds the simulator's whole in-memory state.
 *
 * <p>Records are immutable and replaced on change; every change that reads before it writes runs
 * inside {@link #write(Supplier)} so that checks and updates are atomic. Ids keep growing across
 * resets so stale ids never point at new resources.
 */
@ApplicationScoped
public class Store {

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Account> accounts = new ConcurrentHashMap<>();
    private final Map<Long, App> apps = new ConcurrentHashMap<>();
    private final Map<Long, Operation> operations = new ConcurrentHashMap<>();
    private final Map<Long, Configuration> configurations = new ConcurrentHashMap<>();
    private final Map<Long, Service> services = new ConcurrentHashMap<>();
    private final Map<Long, Database> databases = new ConcurrentHashMap<>();
    private final Map<Long, Vhost> vhosts = new ConcurrentHashMap<>();
    private final Map<Long, LogDrain> logDrains = new ConcurrentHashMap<>();
    private final Map<Long, Certificate> certificates = new ConcurrentHashMap<>();
    private final Map<Long, Backup> backups = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> operationLogs = new ConcurrentHashMap<>();

    public <T> T write(Supplier<T> change) {
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    public long nextId() {
        return ids.incrementAndGet();
    }

    public void clear() {
        write(() -> {
            accounts.clear();
            apps.clear();
            operations.clear();
            configurations.clear();
            services.clear();
            databases.clear();
            vhosts.clear();
            logDrains.clear();
            certificates.clear();
            backups.clear();
            operationLogs.clear();
            return null;
        });
    }

    public Account save(Account account) {
        accounts.put(account.id(), account);
        return account;
    }

    public App save(App app) {
        apps.put(app.id(), app);
        return app;
    }

    public Operation save(Operation operation) {
        operations.put(operation.id(), operation);
        return operation;
    }

    public Configuration save(Configuration configuration) {
        configurations.put(configuration.id(), configuration);
        return configuration;
    }

    public Service save(Service service) {
        services.put(service.id(), service);
        return service;
    }

    public Database save(Database database) {
        databases.put(database.id(), database);
        return database;
    }

    public Vhost save(Vhost vhost) {
        vhosts.put(vhost.id(), vhost);
        return vhost;
    }

    public LogDrain save(LogDrain drain) {
        logDrains.put(drain.id(), drain);
        return drain;
    }

    public Certificate save(Certificate certificate) {
        certificates.put(certificate.id(), certificate);
        return certificate;
    }

    public Backup save(Backup backup) {
        backups.put(backup.id(), backup);
        return backup;
    }

    /** Forgets an account (only an empty one is ever removed). */
    public void removeAccount(long id) {
        accounts.remove(id);
    }

    /** Appends a line to an operation's log. */
    public void log(long operationId, String line) {
        operationLogs
                .computeIfAbsent(operationId, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(line);
    }

    public List<String> logs(long operationId) {
        List<String> lines = operationLogs.get(operationId);
        if (lines == null) {
            return List.of();
        }
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public Optional<Database> database(long id) {
        return Optional.ofNullable(databases.get(id));
    }

    public Optional<Vhost> vhost(long id) {
        return Optional.ofNullable(vhosts.get(id));
    }

    public Optional<LogDrain> logDrain(long id) {
        return Optional.ofNullable(logDrains.get(id));
    }

    public Optional<Certificate> certificate(long id) {
        return Optional.ofNullable(certificates.get(id));
    }

    public Optional<Backup> backup(long id) {
        return Optional.ofNullable(backups.get(id));
    }

    /** All databases including deprovisioned ones, newest first. */
    public List<Database> databases() {
        return newestFirst(databases.values(), Database::id);
    }

    public List<Vhost> vhosts() {
        return newestFirst(vhosts.values(), Vhost::id);
    }

    public List<LogDrain> logDrains() {
        return newestFirst(logDrains.values(), LogDrain::id);
    }

    public List<Certificate> certificates() {
        return newestFirst(certificates.values(), Certificate::id);
    }

    public List<Backup> backups() {
        return newestFirst(backups.values(), Backup::id);
    }

    private static <T> List<T> newestFirst(java.util.Collection<T> values, java.util.function.ToLongFunction<T> id) {
        return values.stream().sorted(Comparator.comparingLong(id).reversed()).toList();
    }

    public Optional<Account> account(long id) {
        return Optional.ofNullable(accounts.get(id));
    }

    public Optional<App> app(long id) {
        return Optional.ofNullable(apps.get(id));
    }

    public Optional<Operation> operation(long id) {
        return Optional.ofNullable(operations.get(id));
    }

    public Optional<Configuration> configuration(long id) {
        return Optional.ofNullable(configurations.get(id));
    }

    public Optional<Service> service(long id) {
        return Optional.ofNullable(services.get(id));
    }

    /** All accounts, newest first, as the API lists them. */
    public List<Account> accounts() {
        return accounts.values().stream()
                .sorted(Comparator.comparingLong(Account::id).reversed())
                .toList();
    }

    /** All apps including deleted ones, newest first. */
    public List<App> apps() {
        return apps.values().stream()
                .sorted(Comparator.comparingLong(App::id).reversed())
                .toList();
    }

    /** All operations including those of deleted resources, newest first. */
    public List<Operation> operations() {
        return operations.values().stream()
                .sorted(Comparator.comparingLong(Operation::id).reversed())
                .toList();
    }

    /** All configurations including those of deleted apps, newest first. */
    public List<Configuration> configurations() {
        return configurations.values().stream()
                .sorted(Comparator.comparingLong(Configuration::id).reversed())
                .toList();
    }

    /** All services including deleted ones, oldest first (process type order). */
    public List<Service> services() {
        return services.values().stream()
                .sorted(Comparator.comparingLong(Service::id))
                .toList();
    }
}

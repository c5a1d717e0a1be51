package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.domain.Account;
import dev.ferry.simulator.aptible.domain.App;
import dev.ferry.simulator.aptible.domain.Configuration;
import dev.ferry.simulator.aptible.domain.Operation;
import dev.ferry.simulator.aptible.domain.Service;
import jakarta.enterprise.context.ApplicationScoped;
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

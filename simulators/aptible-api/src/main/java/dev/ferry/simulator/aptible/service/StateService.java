package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.domain.Account;
import dev.ferry.simulator.aptible.domain.App;
import dev.ferry.simulator.aptible.domain.Database;
import dev.ferry.simulator.aptible.domain.LogDrain;
import dev.ferry.simulator.aptible.domain.Operation;
import dev.ferry.simulator.aptible.domain.Vhost;
import dev.ferry.simulator.aptible.seed.Seeder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Summarises and resets the simulator's state for tests and demos; a reset goes back to the seed. */
@ApplicationScoped
public class StateService {

    private static final Logger LOG = Logger.getLogger(StateService.class);

    private final Store store;
    private final FaultService faults;
    private final Seeder seeder;
    private final BackingServices backing;

    public StateService(Store store, FaultService faults, Seeder seeder, BackingServices backing) {
        this.store = store;
        this.faults = faults;
        this.seeder = seeder;
        this.backing = backing;
    }

    public SimulatorState snapshot() {
        List<Account> accounts = store.accounts();
        Map<Long, String> accountHandles = accounts.stream().collect(Collectors.toMap(Account::id, Account::handle));
        List<App> live = store.apps().stream().filter(a -> !a.deleted()).toList();
        List<Operation> operations = store.operations();
        Map<String, Map<String, Integer>> byTypeAndStatus = new TreeMap<>();
        operations.forEach(o -> byTypeAndStatus
                .computeIfAbsent(o.type(), k -> new TreeMap<>())
                .merge(o.status().wire(), 1, Integer::sum));
        List<Database> dbs =
                store.databases().stream().filter(d -> !d.deleted()).toList();
        List<Vhost> vhosts = store.vhosts().stream().filter(v -> !v.deleted()).toList();
        List<LogDrain> drains =
                store.logDrains().stream().filter(d -> !d.deleted()).toList();
        return new SimulatorState(
                new SimulatorState.HandleCount(
                        accounts.size(),
                        sorted(accounts.stream().map(Account::handle).toList())),
                new SimulatorState.Apps(
                        live.size(),
                        sorted(live.stream().map(App::handle).toList()),
                        byAccount(live, App::accountId, App::handle, accountHandles),
                        count(live, a -> a.status().wire()),
                        sorted(store.apps().stream()
                                .filter(App::deleted)
                                .map(App::handle)
                                .toList())),
                new SimulatorState.Count((int)
                        store.services().stream().filter(s -> !s.deleted()).count()),
                new SimulatorState.Count((int) store.configurations().stream()
                        .filter(c -> !c.deleted())
                        .count()),
                new SimulatorState.Databases(
                        dbs.size(),
                        sorted(dbs.stream().map(Database::handle).toList()),
                        byAccount(dbs, Database::accountId, Database::handle, accountHandles),
                        count(dbs, Database::type),
                        count(dbs, d -> d.status().wire()),
                        (int) dbs.stream().filter(d -> d.backingRef() != null).count(),
                        sorted(store.databases().stream()
                                .filter(Database::deleted)
                                .map(Database::handle)
                                .toList())),
                new SimulatorState.Count(
                        dbs.stream().mapToInt(d -> d.credentials().size()).sum()),
                new SimulatorState.Endpoints(
                        vhosts.size(),
                        count(vhosts, v -> v.status().wire()),
                        count(vhosts, Vhost::type),
                        sorted(vhosts.stream()
                                .filter(v -> v.userDomain() != null)
                                .map(Vhost::userDomain)
                                .toList())),
                new SimulatorState.HandleCount(
                        drains.size(),
                        sorted(drains.stream().map(LogDrain::handle).toList())),
                new SimulatorState.Count(store.certificates().size()),
                new SimulatorState.Count(store.backups().size()),
                new SimulatorState.Operations(
                        operations.size(),
                        count(operations, Operation::type),
                        count(operations, o -> o.status().wire()),
                        byTypeAndStatus),
                faults.current());
    }

    /**
     * Forgets every resource, restores the configured faults and creates the seed's resources again. Real
     * databases behind live ones are dropped first, so repeated resets do not use up the backing Redis's DB
     * indexes.
     */
    public void reset() {
        store.databases().stream().filter(d -> !d.deleted()).forEach(this::release);
        store.clear();
        faults.reset();
        seeder.apply();
    }

    private void release(Database db) {
        try {
            backing.drop(db);
        } catch (RuntimeException e) {
            LOG.warnf("could not drop the real database behind %s: %s", db.handle(), e.getMessage());
        }
    }

    private static <T> Map<String, List<String>> byAccount(
            List<T> items, Function<T, Long> account, Function<T, String> handle, Map<Long, String> handles) {
        Map<String, List<String>> grouped = new TreeMap<>();
        items.forEach(i -> grouped.computeIfAbsent(handles.getOrDefault(account.apply(i), "?"), k -> new ArrayList<>())
                .add(handle.apply(i)));
        grouped.values().forEach(list -> list.sort(String::compareTo));
        return grouped;
    }

    private static <T> Map<String, Integer> count(List<T> items, Function<T, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        items.forEach(i -> counts.merge(key.apply(i), 1, Integer::sum));
        return counts;
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}

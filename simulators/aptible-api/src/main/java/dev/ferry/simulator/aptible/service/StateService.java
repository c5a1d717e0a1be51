package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.domain.Account;
import dev.ferry.simulator.aptible.domain.App;
import dev.ferry.simulator.aptible.domain.Operation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Summarises and resets the simulator's state for tests and demos. */
@ApplicationScoped
public class StateService {

    private final Store store;
    private final FaultService faults;

    public StateService(Store store, FaultService faults) {
        this.store = store;
        this.faults = faults;
    }

    public SimulatorState snapshot() {
        List<Account> accounts = store.accounts();
        Map<Long, String> accountHandles = accounts.stream().collect(Collectors.toMap(Account::id, Account::handle));
        List<App> live = store.apps().stream().filter(a -> !a.deleted()).toList();
        Map<String, List<String>> byAccount = new TreeMap<>();
        live.forEach(a -> byAccount
                .computeIfAbsent(accountHandles.getOrDefault(a.accountId(), "?"), k -> new ArrayList<>())
                .add(a.handle()));
        byAccount.values().forEach(list -> list.sort(String::compareTo));
        List<Operation> operations = store.operations();
        Map<String, Map<String, Integer>> byTypeAndStatus = new TreeMap<>();
        operations.forEach(o -> byTypeAndStatus
                .computeIfAbsent(o.type(), k -> new TreeMap<>())
                .merge(o.status().wire(), 1, Integer::sum));
        return new SimulatorState(
                new SimulatorState.HandleCount(
                        accounts.size(),
                        sorted(accounts.stream().map(Account::handle).toList())),
                new SimulatorState.Apps(
                        live.size(),
                        sorted(live.stream().map(App::handle).toList()),
                        byAccount,
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
                new SimulatorState.Operations(
                        operations.size(),
                        count(operations, Operation::type),
                        count(operations, o -> o.status().wire()),
                        byTypeAndStatus),
                faults.current());
    }

    public void reset() {
        store.clear();
        faults.reset();
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

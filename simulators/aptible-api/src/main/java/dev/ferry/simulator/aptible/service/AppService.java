package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.domain.Account;
import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.domain.App;
import dev.ferry.simulator.aptible.domain.Configuration;
import dev.ferry.simulator.aptible.domain.Service;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** Creates apps and reads apps with their configurations and services. */
@ApplicationScoped
public class AppService {

    private final Store store;
    private final AccountService accounts;
    private final Clock clock;

    public AppService(Store store, AccountService accounts, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
    }

    public App create(long accountId, String requestedHandle) {
        Account account = accounts.get(accountId);
        String handle = Handles.require(requestedHandle);
        return store.write(() -> {
            if (inAccount(account.id()).stream().anyMatch(a -> a.handle().equals(handle))) {
                throw Handles.taken();
            }
            return store.save(App.created(store.nextId(), account.id(), handle, clock.instant()));
        });
    }

    public App get(long id) {
        return store.app(id).filter(a -> !a.deleted()).orElseThrow(() -> ApiException.notFound("App", id));
    }

    public List<App> all() {
        return store.apps().stream().filter(a -> !a.deleted()).toList();
    }

    public List<App> inAccount(long accountId) {
        return all().stream().filter(a -> a.accountId() == accountId).toList();
    }

    public List<App> inExistingAccount(long accountId) {
        return inAccount(accounts.get(accountId).id());
    }

    /** {@code GET /find/app}: by handle, optionally within the environment with that handle. */
    public App findByHandle(String handle, String environment) {
        if (handle == null || handle.isBlank()) {
            throw ApiException.badRequest("handle is required");
        }
        List<App> candidates = environment == null || environment.isBlank()
                ? all()
                : inAccount(accounts.findByHandle(environment).id());
        List<App> matches =
                candidates.stream().filter(a -> a.handle().equals(handle)).toList();
        if (matches.isEmpty()) {
            throw ApiException.notFoundBy("App", "handle", handle);
        }
        if (matches.size() > 1) {
            throw new ApiException(
                    409,
                    "multiple_resources_found",
                    "Multiple apps exist with handle " + handle + "; pass environment to choose one");
        }
        return matches.get(0);
    }

    public Configuration configuration(long id) {
        return store.configuration(id)
                .filter(c -> !c.deleted())
                .orElseThrow(() -> ApiException.notFound("Configuration", id));
    }

    public List<Configuration> configurations(long appId) {
        get(appId);
        return store.configurations().stream()
                .filter(c -> c.appId() == appId && !c.deleted())
                .toList();
    }

    public Service service(long id) {
        return store.service(id).filter(s -> !s.deleted()).orElseThrow(() -> ApiException.notFound("Service", id));
    }

    /**
     * {@code PATCH}/{@code PUT /services/{id}}: changes the given settings ({@code null} keeps one);
     * 404 for an unknown or deprovisioned service.
     */
    public Service updateSettings(long id, Boolean forceZeroDowntime, Boolean naiveHealthCheck) {
        return store.write(
                () -> store.save(service(id).withSettings(forceZeroDowntime, naiveHealthCheck, clock.instant())));
    }

    public List<Service> services(long appId) {
        return store.services().stream()
                .filter(s -> s.appId() == appId && !s.deleted())
                .toList();
    }

    public List<Service> servicesInAccount(long accountId) {
        accounts.get(accountId);
        return store.services().stream()
                .filter(s -> s.accountId() == accountId && !s.deleted())
                .toList();
    }
}

package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.config.SimulatorConfig;
import dev.ferry.simulator.aptible.domain.Account;
import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.domain.Stack;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Creates and looks up accounts (environments). */
@ApplicationScoped
public class AccountService {

    /** Environment types the API accepts. */
    public static final Set<String> TYPES = Set.of("development", "production");

    private final Store store;
    private final StackCatalog stacks;
    private final SimulatorConfig config;
    private final Clock clock;

    public AccountService(Store store, StackCatalog stacks, SimulatorConfig config, Clock clock) {
        this.store = store;
        this.stacks = stacks;
        this.config = config;
        this.clock = clock;
    }

    public List<Account> all() {
        return store.accounts();
    }

    public List<Account> onStack(long stackId) {
        stacks.get(stackId);
        return store.accounts().stream().filter(a -> a.stackId() == stackId).toList();
    }

    public Account get(long id) {
        return store.account(id).orElseThrow(() -> ApiException.notFound("Account", id));
    }

    public Account findByHandle(String handle) {
        if (handle == null || handle.isBlank()) {
            throw ApiException.badRequest("handle is required");
        }
        return store.accounts().stream()
                .filter(a -> a.handle().equals(handle))
                .findFirst()
                .orElseThrow(() -> ApiException.notFoundBy("Account", "handle", handle));
    }

    public Account create(NewAccount request) {
        String handle = Handles.require(request.handle());
        Stack stack = stack(request);
        String type = request.type() == null ? defaultType(stack) : request.type();
        if (!TYPES.contains(type)) {
            throw ApiException.unprocessable("Type is not included in the list");
        }
        return store.write(() -> {
            if (store.accounts().stream().anyMatch(a -> a.handle().equals(handle))) {
                throw Handles.taken();
            }
            Instant now = clock.instant();
            return store.save(new Account(
                    store.nextId(),
                    handle,
                    type,
                    request.name() == null ? handle : request.name(),
                    request.organizationId() == null ? config.organizationId() : request.organizationId(),
                    stack.id(),
                    request.onboardingStatus() == null ? "initiated" : request.onboardingStatus(),
                    now,
                    now));
        });
    }

    /** {@code DELETE /accounts/{id}}: only an environment without live resources can go. */
    public void delete(long id) {
        store.write(() -> {
            Account account = get(id);
            List<String> left = new java.util.ArrayList<>();
            long apps = store.apps().stream()
                    .filter(a -> !a.deleted() && a.accountId() == id)
                    .count();
            long dbs = store.databases().stream()
                    .filter(d -> !d.deleted() && d.accountId() == id)
                    .count();
            long drains = store.logDrains().stream()
                    .filter(d -> !d.deleted() && d.accountId() == id)
                    .count();
            if (apps > 0) {
                left.add(apps + " app(s)");
            }
            if (dbs > 0) {
                left.add(dbs + " database(s)");
            }
            if (drains > 0) {
                left.add(drains + " log drain(s)");
            }
            if (!left.isEmpty()) {
                throw ApiException.unprocessable("Environment " + account.handle() + " still has "
                        + String.join(", ", left) + "; deprovision them first");
            }
            store.removeAccount(id);
            return null;
        });
    }

    private Stack stack(NewAccount request) {
        Long id = request.stackId();
        if (id == null && request.stackHref() != null) {
            id = Hrefs.trailingId(request.stackHref(), "stacks");
        }
        if (id == null) {
            return stacks.get(StackCatalog.SHARED_STACK_ID);
        }
        long wanted = id;
        return stacks.find(wanted).orElseThrow(() -> ApiException.unprocessable("Stack can't be blank"));
    }

    private static String defaultType(Stack stack) {
        return stack.shared() ? "development" : "production";
    }
}

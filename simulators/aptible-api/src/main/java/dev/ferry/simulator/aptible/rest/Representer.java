package dev.ferry.simulator.aptible.rest;

import dev.ferry.simulator.aptible.domain.AccessToken;
import dev.ferry.simulator.aptible.domain.Account;
import dev.ferry.simulator.aptible.domain.App;
import dev.ferry.simulator.aptible.domain.Configuration;
import dev.ferry.simulator.aptible.domain.Operation;
import dev.ferry.simulator.aptible.domain.OperationRequest;
import dev.ferry.simulator.aptible.domain.Service;
import dev.ferry.simulator.aptible.domain.Stack;
import dev.ferry.simulator.aptible.service.AccountService;
import dev.ferry.simulator.aptible.service.AppService;
import dev.ferry.simulator.aptible.service.Page;
import dev.ferry.simulator.aptible.service.StackCatalog;
import dev.ferry.simulator.aptible.service.Store;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns domain records into the HAL views the real API sends, with absolute links. */
@ApplicationScoped
public class Representer {

    /** Account collections the simulator serves only as empty lists. */
    public static final List<String> EMPTY_ACCOUNT_COLLECTIONS =
            List.of("disks", "permissions", "metric_drains", "activity_reports");

    /** Account collections the simulator models. */
    public static final List<String> ACCOUNT_COLLECTIONS =
            List.of("databases", "backups", "log_drains", "certificates", "vhosts");

    /** App collections the simulator serves only as empty lists. */
    public static final List<String> EMPTY_APP_COLLECTIONS = List.of("images", "ephemeral_sessions");

    private final AppService apps;
    private final AccountService accounts;
    private final StackCatalog stacks;
    private final Store store;
    private final Clock clock;
    private final ResourceRepresenter resources;

    public Representer(
            AppService apps,
            AccountService accounts,
            StackCatalog stacks,
            Store store,
            Clock clock,
            ResourceRepresenter resources) {
        this.resources = resources;
        this.apps = apps;
        this.accounts = accounts;
        this.stacks = stacks;
        this.store = store;
        this.clock = clock;
    }

    public AccountView account(HalContext ctx, Account a) {
        String path = "/accounts/" + a.id();
        Links links = Links.self(ctx, path).add("stack", "/stacks/" + a.stackId());
        links.add("apps", path + "/apps")
                .add("operations", path + "/operations")
                .add("services", path + "/services");
        EMPTY_ACCOUNT_COLLECTIONS.forEach(c -> links.add(c, path + "/" + c));
        ACCOUNT_COLLECTIONS.forEach(c -> links.add(c, path + "/" + c));
        List<App> appsHere = apps.inAccount(a.id());
        int containers = apps.servicesInAccount(a.id()).stream()
                .mapToInt(Service::containerCount)
                .sum();
        Stack stack = stacks.get(a.stackId());
        Map<String, Object> embedded = ctx.embed()
                ? Map.of(
                        "log_drains",
                        store.logDrains().stream()
                                .filter(d -> !d.deleted() && d.accountId() == a.id())
                                .map(d -> resources.logDrain(ctx.withoutEmbedding(), d))
                                .toList(),
                        "permissions",
                        List.of())
                : null;
        int databaseCount = (int) store.databases().stream()
                .filter(d -> !d.deleted() && d.accountId() == a.id())
                .count();
        return new AccountView(
                a.id(),
                a.type(),
                "account",
                a.name(),
                a.handle(),
                a.onboardingStatus(),
                accountNumber(a.id()),
                true,
                null,
                null,
                "bastion-" + stack.name() + ".aptible.in",
                42022,
                1022,
                containers,
                0,
                0,
                appsHere.size(),
                containers,
                databaseCount,
                databaseCount,
                Times.iso(a.createdAt()),
                Times.iso(a.updatedAt()),
                stack.name(),
                null,
                null,
                null,
                null,
                "v2",
                null,
                embedded,
                links.build());
    }

    public AppView app(HalContext ctx, App a) {
        String path = "/apps/" + a.id();
        Links links = Links.self(ctx, path).add("account", "/accounts/" + a.accountId());
        if (a.currentConfigurationId() != null) {
            links.add("current_configuration", "/configurations/" + a.currentConfigurationId());
        }
        links.add("operations", path + "/operations")
                .add("configurations", path + "/configurations")
                .add("services", path + "/services");
        EMPTY_APP_COLLECTIONS.forEach(c -> links.add(c, path + "/" + c));
        Map<String, Object> embedded = null;
        if (ctx.embed()) {
            HalContext inner = ctx.withoutEmbedding();
            embedded = new LinkedHashMap<>();
            embedded.put(
                    "services",
                    apps.services(a.id()).stream().map(s -> service(inner, s)).toList());
            embedded.put("last_operation", operationOrNull(inner, a.lastOperationId()));
            embedded.put("last_deploy_operation", operationOrNull(inner, a.lastDeployOperationId()));
            embedded.put("current_image", null);
        }
        String envHandle = accounts.get(a.accountId()).handle();
        return new AppView(
                a.id(),
                a.handle(),
                "git@beta.aptible.com:" + envHandle + "/" + a.handle() + ".git",
                "app",
                Times.iso(a.createdAt()),
                Times.iso(a.updatedAt()),
                a.status().wire(),
                a.deploymentMethod(),
                embedded,
                links.build());
    }

    public OperationView operation(HalContext ctx, Operation o) {
        Links links = Links.self(ctx, "/operations/" + o.id())
                .add("resource", o.resource().path())
                .add("account", "/accounts/" + o.accountId());
        if (o.resource().is("services")) {
            links.add("service", o.resource().path());
        }
        links.add("logs", "/operations/" + o.id() + "/logs");
        OperationRequest r = o.request();
        return new OperationView(
                o.id(),
                "operation",
                o.type(),
                o.status().wire(),
                o.cancelled(),
                false,
                r.gitRef(),
                r.dockerRef(),
                ctx.sensitive() ? r.env() : null,
                r.containerSize(),
                r.containerCount(),
                r.diskSize() == null ? 0 : r.diskSize(),
                r.command(),
                r.handle(),
                Times.iso(o.createdAt()),
                Times.iso(o.updatedAt()),
                null,
                null,
                o.userName(),
                o.userEmail(),
                null,
                r.interactive(),
                r.instanceProfile(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                links.build());
    }

    public ConfigurationView configuration(HalContext ctx, Configuration c) {
        return new ConfigurationView(
                c.id(),
                "configuration",
                ctx.sensitive() ? c.env() : null,
                Links.self(ctx, "/configurations/" + c.id())
                        .add("resource", "/apps/" + c.appId())
                        .build());
    }

    public ServiceView service(HalContext ctx, Service s) {
        String path = "/services/" + s.id();
        return new ServiceView(
                s.id(),
                "service",
                s.processType(),
                s.dockerRepo(),
                s.dockerRef(),
                s.processType(),
                s.command(),
                s.containerCount(),
                Times.iso(s.createdAt()),
                Times.iso(s.updatedAt()),
                s.containerMemoryLimitMb(),
                s.instanceClass(),
                s.forceZeroDowntime(),
                s.naiveHealthCheck(),
                null,
                Links.self(ctx, path)
                        .add("account", "/accounts/" + s.accountId())
                        .add("app", "/apps/" + s.appId())
                        .add("operations", path + "/operations")
                        .add("vhosts", path + "/vhosts")
                        .build());
    }

    public StackView stack(HalContext ctx, Stack s) {
        return new StackView(
                s.id(),
                "stack",
                s.name(),
                "v2",
                s.region(),
                s.shared(),
                s.shared(),
                "ssh." + s.name() + ".aptible.in",
                1022,
                s.name() + ".aptible.in",
                "on-aptible.com",
                List.of(),
                true,
                true,
                Links.self(ctx, "/stacks/" + s.id())
                        .add("accounts", "/stacks/" + s.id() + "/accounts")
                        .build());
    }

    public TokenView token(HalContext ctx, AccessToken t) {
        long remaining =
                Math.max(0, t.expiresAt().getEpochSecond() - clock.instant().getEpochSecond());
        return new TokenView(
                t.id(),
                "token",
                t.value(),
                "bearer",
                remaining,
                t.expiresAt().getEpochSecond(),
                t.scope(),
                null,
                Times.iso(t.createdAt()),
                Times.iso(t.createdAt()),
                Links.self(ctx, "/current_token")
                        .add("user", "/users/" + t.userId())
                        .build());
    }

    public UserView user(HalContext ctx, AccessToken t) {
        return new UserView(
                t.userId(),
                "user",
                t.email(),
                t.userName(),
                true,
                Links.self(ctx, "/users/" + t.userId()).build());
    }

    /**
     * Renders one page of a collection.
     *
     * @param parents extra relations of the page, e.g. {@code account} for an account's apps
     */
    public <T> PageView page(
            HalContext ctx,
            String path,
            String name,
            Page<T> page,
            Function<T, ?> render,
            Map<String, String> parents) {
        Links links = Links.self(ctx, pageHref(path, page.request().page(), page));
        if (page.hasNext()) {
            links.add("next", pageHref(path, page.request().page() + 1, page));
        }
        if (page.hasPrevious()) {
            links.add("prev", pageHref(path, page.request().page() - 1, page));
        }
        parents.forEach(links::add);
        return new PageView(
                Map.of(name, page.items().stream().map(render).toList()),
                page.totalCount(),
                page.request().perPage(),
                page.request().page(),
                links.build());
    }

    private static String pageHref(String path, int number, Page<?> page) {
        String href = path + "?page=" + number;
        return page.request().perPageGiven()
                ? href + "&per_page=" + page.request().perPage()
                : href;
    }

    private OperationView operationOrNull(HalContext ctx, Long id) {
        if (id == null) {
            return null;
        }
        return store.operation(id)
                .filter(o -> !o.deleted())
                .map(o -> operation(ctx, o))
                .orElse(null);
    }

    private static String accountNumber(long id) {
        long n = (id * 7_919L + 3_446L) % 1_000_000_000_000L;
        String digits = String.format("%012d", n);
        return digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-" + digits.substring(8);
    }
}

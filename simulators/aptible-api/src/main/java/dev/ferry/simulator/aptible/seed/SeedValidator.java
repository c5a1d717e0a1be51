package dev.ferry.simulator.aptible.seed;

import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.seed.SeedDocument.AccountSpec;
import dev.ferry.simulator.aptible.seed.SeedDocument.AppSpec;
import dev.ferry.simulator.aptible.seed.SeedDocument.DatabaseSpec;
import dev.ferry.simulator.aptible.seed.SeedDocument.EndpointSpec;
import dev.ferry.simulator.aptible.seed.SeedDocument.LogDrainSpec;
import dev.ferry.simulator.aptible.seed.SeedDocument.ServiceSpec;
import dev.ferry.simulator.aptible.seed.SeedDocument.StackSpec;
import dev.ferry.simulator.aptible.service.AccountService;
import dev.ferry.simulator.aptible.service.DatabaseService;
import dev.ferry.simulator.aptible.service.Handles;
import dev.ferry.simulator.aptible.service.LogDrainService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a whole seed before anything is created, so that one start-up lists every problem: blank or
 * malformed handles, handles used twice, parents that are not declared, values outside the catalogue.
 * Rules only the API's own create calls check (endpoint and log drain details) are reported when applied.
 */
public final class SeedValidator {

    private static final Pattern NAME = Pattern.compile("[0-9a-z._-]+");
    private static final Pattern PROCESS_TYPE = Pattern.compile("[A-Za-z0-9_-]+");

    private final List<String> problems = new ArrayList<>();
    private final Set<String> stacks = new LinkedHashSet<>();
    private final Map<String, String> accounts = new HashMap<>();
    private final Map<String, String> apps = new HashMap<>();
    private final Map<String, String> databases = new HashMap<>();
    private final Map<String, String> logDrains = new HashMap<>();

    private SeedValidator(Collection<String> builtInStacks) {
        stacks.addAll(builtInStacks);
    }

    /**
     * Throws a {@link SeedException} listing every problem of the seed.
     *
     * @param builtInStacks names of the stacks that exist without a seed
     */
    public static void check(Seed seed, Collection<String> builtInStacks) {
        SeedValidator validator = new SeedValidator(builtInStacks);
        validator.run(seed.document());
        if (!validator.problems.isEmpty()) {
            throw new SeedException(seed.source(), validator.problems);
        }
    }

    private void run(SeedDocument document) {
        for (int i = 0; i < document.stacks().size(); i++) {
            stack("stacks[" + i + "]", document.stacks().get(i));
        }
        for (int i = 0; i < document.accounts().size(); i++) {
            AccountSpec account = document.accounts().get(i);
            account("accounts[" + i + "]" + quoted(account.handle()), account);
        }
        for (int i = 0; i < document.apps().size(); i++) {
            AppSpec app = document.apps().get(i);
            app("apps[" + i + "]" + quoted(app.account(), app.handle()), app);
        }
        for (int i = 0; i < document.databases().size(); i++) {
            DatabaseSpec db = document.databases().get(i);
            database("databases[" + i + "]" + quoted(db.account(), db.handle()), db);
        }
        for (int i = 0; i < document.logDrains().size(); i++) {
            LogDrainSpec drain = document.logDrains().get(i);
            logDrain("log_drains[" + i + "]" + quoted(drain.account(), drain.handle()), drain);
        }
    }

    private void stack(String where, StackSpec stack) {
        if (blank(stack.name())) {
            problems.add(where + ": name can't be blank");
        } else if (!NAME.matcher(stack.name()).matches()) {
            problems.add(where + ": name \"" + stack.name()
                    + "\" may only contain lowercase letters, numbers, dashes, underscores and periods");
        } else if (!stacks.add(stack.name())) {
            problems.add(where + ": stack name \"" + stack.name() + "\" is already used");
        }
    }

    private void account(String where, AccountSpec account) {
        if (handle(where, account.handle())) {
            unique(where, account.handle(), account.handle(), accounts);
        }
        if (account.type() != null && !AccountService.TYPES.contains(account.type())) {
            problems.add(where + ": type \"" + account.type() + "\" is not one of " + sorted(AccountService.TYPES));
        }
        if (account.stack() != null && !stacks.contains(account.stack())) {
            problems.add(where + ": stack \"" + account.stack() + "\" is neither built in nor declared in stacks ("
                    + sorted(stacks) + ")");
        }
    }

    private void app(String where, AppSpec app) {
        parent(where, app.account());
        if (handle(where, app.handle())) {
            unique(where, app.account() + "/" + app.handle(), app.handle(), apps);
        }
        if (app.dockerImage() != null && app.gitRef() != null) {
            problems.add(where + ": give docker_image or git_ref, not both");
        }
        if ((app.dockerImage() != null && app.dockerImage().isBlank())
                || (app.gitRef() != null && app.gitRef().isBlank())) {
            problems.add(where + ": docker_image and git_ref can't be blank when given");
        }
        app.env().forEach((key, value) -> {
            if (blank(key) || value == null) {
                problems.add(where + ": env entry \"" + key + "\" needs a name and a value");
            }
        });
        if (!app.deployed() && !(app.services().isEmpty() && app.endpoints().isEmpty())) {
            problems.add(where + ": services and endpoints need a deployed app: give docker_image or git_ref");
        }
        Set<String> processTypes = new LinkedHashSet<>();
        for (int j = 0; j < app.services().size(); j++) {
            service(where + " services[" + j + "]", app.services().get(j), processTypes);
        }
        if (app.services().isEmpty()) {
            processTypes.add("cmd");
        }
        for (int j = 0; j < app.endpoints().size(); j++) {
            endpoint(where + " endpoints[" + j + "]", app.endpoints().get(j), processTypes);
        }
    }

    private void service(String where, ServiceSpec service, Set<String> processTypes) {
        if (blank(service.processType())
                || !PROCESS_TYPE.matcher(service.processType()).matches()) {
            problems.add(where + ": process_type must be letters, numbers, '_' or '-'");
        } else if (!processTypes.add(service.processType())) {
            problems.add(where + ": process_type \"" + service.processType() + "\" is declared twice");
        }
        if (blank(service.command())) {
            problems.add(where + ": command can't be blank");
        }
        if (service.containerCount() != null && service.containerCount() < 0) {
            problems.add(where + ": container_count can't be negative");
        }
        if (service.containerSize() != null && service.containerSize() <= 0) {
            problems.add(where + ": container_size must be positive");
        }
    }

    private void endpoint(String where, EndpointSpec endpoint, Set<String> processTypes) {
        if (blank(endpoint.service())) {
            problems.add(where + ": service can't be blank");
        } else if (!processTypes.contains(endpoint.service())) {
            problems.add(where + ": service \"" + endpoint.service() + "\" is not one of the app's services ("
                    + String.join(", ", processTypes) + ")");
        }
    }

    private void database(String where, DatabaseSpec db) {
        parent(where, db.account());
        if (handle(where, db.handle())) {
            unique(where, db.account() + "/" + db.handle(), db.handle(), databases);
        }
        if (blank(db.type())) {
            problems.add(where + ": type can't be blank");
        } else if (!DatabaseService.TYPES.contains(db.type())) {
            problems.add(where + ": type \"" + db.type() + "\" is not one of " + sorted(DatabaseService.TYPES));
        } else if (DatabaseService.imageFor(db.type(), db.version()).isEmpty()) {
            problems.add(where + ": version \"" + db.version() + "\" of " + db.type() + " is not in the catalogue ("
                    + String.join(", ", DatabaseService.versionsOf(db.type())) + ")");
        }
        if (db.diskSize() != null && db.diskSize() <= 0) {
            problems.add(where + ": disk_size must be positive");
        }
        if (db.containerSize() != null && db.containerSize() <= 0) {
            problems.add(where + ": container_size must be positive");
        }
    }

    private void logDrain(String where, LogDrainSpec drain) {
        parent(where, drain.account());
        if (handle(where, drain.handle())) {
            unique(where, drain.handle(), drain.handle(), logDrains);
        }
        if (blank(drain.drainType())) {
            problems.add(where + ": drain_type can't be blank");
        } else if (!LogDrainService.TYPES.contains(drain.drainType())) {
            problems.add(where + ": drain_type \"" + drain.drainType() + "\" is not one of "
                    + sorted(LogDrainService.TYPES));
        }
    }

    private void parent(String where, String account) {
        if (blank(account)) {
            problems.add(where + ": account can't be blank");
        } else if (!accounts.containsKey(account)) {
            problems.add(where + ": account \"" + account + "\" is not declared in accounts");
        }
    }

    private boolean handle(String where, String handle) {
        try {
            Handles.require(handle);
            return true;
        } catch (ApiException e) {
            problems.add(where + ": " + e.getMessage());
            return false;
        }
    }

    private void unique(String where, String key, String handle, Map<String, String> seen) {
        String first = seen.putIfAbsent(key, where);
        if (first != null) {
            problems.add(where + ": handle \"" + handle + "\" is already used by " + first);
        }
    }

    private static String quoted(String... parts) {
        List<String> given =
                java.util.Arrays.stream(parts).filter(p -> !blank(p)).toList();
        return given.isEmpty() ? "" : " (" + String.join("/", given) + ")";
    }

    private static String sorted(Collection<String> values) {
        return String.join(", ", new TreeSet<>(values));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

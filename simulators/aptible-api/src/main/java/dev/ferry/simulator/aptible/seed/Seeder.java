package dev.ferry.simulator.aptible.seed;

import dev.ferry.simulator.aptible.domain.Account;
import dev.ferry.simulator.aptible.domain.Database;
import dev.ferry.simulator.aptible.domain.LogDrain;
import dev.ferry.simulator.aptible.domain.ResourceRef;
import dev.ferry.simulator.aptible.seed.SeedDocument.AccountSpec;
import dev.ferry.simulator.aptible.seed.SeedDocument.AppSpec;
import dev.ferry.simulator.aptible.seed.SeedDocument.DatabaseSpec;
import dev.ferry.simulator.aptible.seed.SeedDocument.LogDrainSpec;
import dev.ferry.simulator.aptible.service.AccountService;
import dev.ferry.simulator.aptible.service.DatabaseService;
import dev.ferry.simulator.aptible.service.DatabaseService.NewDatabase;
import dev.ferry.simulator.aptible.service.LogDrainService;
import dev.ferry.simulator.aptible.service.LogDrainService.NewLogDrain;
import dev.ferry.simulator.aptible.service.NewAccount;
import dev.ferry.simulator.aptible.service.StackCatalog;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Creates the seed's environments, apps, databases, endpoints and log drains at start-up (and again after a
 * reset) through the same services and operations as API calls, so that seeded resources take ids from the
 * same sequence and read exactly like created ones. A seed the API refuses stops start-up.
 */
@ApplicationScoped
public class Seeder {

    private static final Logger LOG = Logger.getLogger(Seeder.class);

    private final SeedSource seeds;
    private final StackCatalog stacks;
    private final AccountService accounts;
    private final AppSeeder apps;
    private final DatabaseService databases;
    private final LogDrainService logDrains;
    private final SeedOperations operations;

    public Seeder(
            SeedSource seeds,
            StackCatalog stacks,
            AccountService accounts,
            AppSeeder apps,
            DatabaseService databases,
            LogDrainService logDrains,
            SeedOperations operations) {
        this.seeds = seeds;
        this.stacks = stacks;
        this.accounts = accounts;
        this.apps = apps;
        this.databases = databases;
        this.logDrains = logDrains;
        this.operations = operations;
    }

    void onStart(@Observes StartupEvent event) {
        apply();
    }

    /** Creates everything the configured seed declares; nothing when no seed is configured. */
    public void apply() {
        seeds.seed().ifPresent(seed -> {
            try {
                apply(seed.document());
            } catch (SeedStep.Failure e) {
                throw new SeedException(seed.source(), List.of(e.getMessage()));
            }
            SeedDocument d = seed.document();
            LOG.infof(
                    "Seeded the Aptible simulator from %s: %d stacks, %d environments, %d apps, %d databases,"
                            + " %d log drains",
                    seed.source(),
                    d.stacks().size(),
                    d.accounts().size(),
                    d.apps().size(),
                    d.databases().size(),
                    d.logDrains().size());
        });
    }

    private void apply(SeedDocument document) {
        Map<String, Account> created = new HashMap<>();
        for (int i = 0; i < document.accounts().size(); i++) {
            AccountSpec spec = document.accounts().get(i);
            String where = "accounts[" + i + "] (" + spec.handle() + ")";
            created.put(spec.handle(), SeedStep.run(where, () -> account(spec)));
        }
        for (int i = 0; i < document.apps().size(); i++) {
            AppSpec spec = document.apps().get(i);
            apps.seed(where("apps", i, spec.account(), spec.handle()), created.get(spec.account()), spec);
        }
        for (int i = 0; i < document.databases().size(); i++) {
            DatabaseSpec spec = document.databases().get(i);
            database(where("databases", i, spec.account(), spec.handle()), created.get(spec.account()), spec);
        }
        for (int i = 0; i < document.logDrains().size(); i++) {
            LogDrainSpec spec = document.logDrains().get(i);
            logDrain(where("log_drains", i, spec.account(), spec.handle()), created.get(spec.account()), spec);
        }
    }

    private Account account(AccountSpec spec) {
        Long stackId = spec.stack() == null
                ? null
                : stacks.named(spec.stack()).orElseThrow().id();
        return accounts.create(
                new NewAccount(spec.handle(), spec.type(), spec.name(), spec.organizationId(), stackId, null, null));
    }

    private void database(String where, Account account, DatabaseSpec spec) {
        Database db = SeedStep.run(
                where,
                () -> databases.create(
                        account.id(),
                        new NewDatabase(
                                spec.handle(),
                                spec.type(),
                                spec.diskSize(),
                                spec.containerSize(),
                                DatabaseService.imageFor(spec.type(), spec.version())
                                        .orElseThrow()
                                        .id(),
                                null)));
        if (!Boolean.FALSE.equals(spec.provisioned())) {
            SeedStep.run(
                    where + " provision",
                    () -> operations.run(
                            ResourceRef.database(db.id()), account.id(), SeedOperations.request("provision")));
        }
    }

    private void logDrain(String where, Account account, LogDrainSpec spec) {
        LogDrain drain = SeedStep.run(
                where,
                () -> logDrains.create(
                        account.id(),
                        new NewLogDrain(
                                spec.handle(),
                                spec.drainType(),
                                spec.drainHost(),
                                spec.drainPort(),
                                spec.url(),
                                spec.loggingToken(),
                                spec.drainUsername(),
                                spec.drainApps(),
                                spec.drainDatabases(),
                                spec.drainEphemeralSessions(),
                                spec.drainProxies())));
        if (!Boolean.FALSE.equals(spec.provisioned())) {
            SeedStep.run(
                    where + " provision",
                    () -> operations.run(
                            ResourceRef.logDrain(drain.id()), account.id(), SeedOperations.request("provision")));
        }
    }

    private static String where(String list, int index, String account, String handle) {
        return list + "[" + index + "] (" + account + "/" + handle + ")";
    }
}
